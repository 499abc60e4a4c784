package org.patientgen.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where {@code patientgen serve} takes a setting the command line leaves out: an environment
 * variable, else the configuration file ({@code --config server.yaml}), else the option's own
 * default. Every option has all three spellings, derived from its name: {@code --db-url} is the
 * file key {@code dbUrl} and the variable {@code PATIENTGEN_DB_URL}. Lists (repeatable options)
 * are YAML lists in the file and comma-separated in a variable.
 *
 * <p>A file with an unknown key is refused (naming the known ones), so a typo does not silently
 * leave a default in place. Secrets are not file values: the file names a password file, like the
 * flags do.
 */
final class ServeDefaults implements IDefaultValueProvider {
    /** The option that names the file (and {@code PATIENTGEN_CONFIG}). */
    static final String CONFIG_OPTION = "--config";

    private final Map<String, String> env;
    private final JsonNode file;
    private final String error;

    private ServeDefaults(Map<String, String> env, JsonNode file, String error) {
        this.env = env;
        this.file = file;
        this.error = error;
    }

    /**
     * The defaults for a {@code serve} command line: reads the file named by {@code --config} in
     * {@code args} (or {@code PATIENTGEN_CONFIG}). A file that cannot be read or holds unknown keys
     * is reported by {@link #check()}.
     */
    static ServeDefaults of(CommandSpec serve, String[] args, Map<String, String> env) {
        String path = configPath(args);
        if (path == null) {
            path = env.get("PATIENTGEN_CONFIG");
        }
        if (path == null || path.isBlank()) {
            return new ServeDefaults(env, null, null);
        }
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of(path)));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new ServeDefaults(env, null, null);
            }
            if (!tree.isObject()) {
                return new ServeDefaults(env, null, "configuration file " + path + " must be a YAML mapping of settings,"
                        + " e.g. 'port: 8080'");
            }
            TreeSet<String> known = new TreeSet<>();
            for (OptionSpec o : serve.options()) {
                if (!o.usageHelp() && !o.versionHelp() && !o.longestName().equals(CONFIG_OPTION)) {
                    known.add(key(o));
                }
            }
            List<String> unknown = new ArrayList<>();
            for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    unknown.add(name);
                }
            }
            if (!unknown.isEmpty()) {
                return new ServeDefaults(env, null, "configuration file " + path + ": unknown setting(s) " + unknown
                        + "; known settings are " + String.join(", ", known));
            }
            return new ServeDefaults(env, tree, null);
        } catch (IOException e) {
            return new ServeDefaults(env, null, "cannot read configuration file " + path + ": " + e.getMessage());
        }
    }

    private static String configPath(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(CONFIG_OPTION) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(CONFIG_OPTION + "=")) {
                return args[i].substring(CONFIG_OPTION.length() + 1);
            }
        }
        return null;
    }

    /** @throws UsageException if the configuration file could not be used */
    void check() {
        if (error != null) {
            throw new UsageException(error);
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.longestName().equals(CONFIG_OPTION)) {
            return null;
        }
        String fromEnv = env.get(envName(option));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        JsonNode value = file == null ? null : file.get(key(option));
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return items.stream().collect(Collectors.joining(","));
        }
        return value.asText();
    }

    /** {@code --db-url} → {@code dbUrl}. */
    static String key(OptionSpec option) {
        String[] parts = option.longestName().replaceFirst("^--", "").split("-");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    /** {@code --db-url} → {@code PATIENTGEN_DB_URL}. */
    static String envName(OptionSpec option) {
        return "PATIENTGEN_" + option.longestName().replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
