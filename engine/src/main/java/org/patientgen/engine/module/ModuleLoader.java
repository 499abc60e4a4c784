package org.patientgen.engine.module;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads Synthea Generic Module Framework JSON modules from a directory, a jar/zip, or the
 * engine's built-in library. Loading never fails silently: {@link #load} throws the first
 * {@link ModuleFormatException}; {@link #check} reports every file as loaded or failed.
 */
public final class ModuleLoader {
    /** Classpath folder of the built-in library. */
    public static final String BUILT_IN_ROOT = "modules";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome for one module file. */
    public record FileResult(String key, String source, Module module, ModuleFormatException error) {
        public boolean loaded() {
            return error == null;
        }
    }

    private ModuleLoader() {
    }

    /**
     * The modules shipped inside the engine. Synchronized because, run from the jar, it opens (and
     * closes) a zip file system on the jar, of which only one may be open at a time: two shards
     * starting together on a server failed with {@code FileSystemAlreadyExistsException}.
     */
    public static synchronized ModuleLibrary builtIn() {
        URL url = ModuleLoader.class.getClassLoader().getResource(BUILT_IN_ROOT);
        if (url == null) {
            throw new IllegalStateException("built-in module library missing from the classpath (" + BUILT_IN_ROOT + "/)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return load(fs.getPath("/" + BUILT_IN_ROOT));
                }
            }
            return load(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the built-in module library: " + e.getMessage(), e);
        }
    }

    /**
     * Loads every module under {@code path} (a directory, or a .jar/.zip whose {@code modules/}
     * folder, or else root, holds them).
     *
     * @throws ModuleFormatException for the first module that does not load
     * @throws IOException           if the path cannot be read
     */
    public static ModuleLibrary load(Path path) throws IOException {
        Map<String, Module> modules = new TreeMap<>();
        for (FileResult r : check(path)) {
            if (!r.loaded()) {
                throw r.error();
            }
            modules.put(r.key(), r.module());
        }
        return new ModuleLibrary(modules);
    }

    /** Tries every module file under {@code path} and reports each, never throwing for a bad module. */
    public static List<FileResult> check(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("module path does not exist: " + path);
        }
        String lower = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path) && (lower.endsWith(".jar") || lower.endsWith(".zip"))) {
            try (FileSystem fs = FileSystems.newFileSystem(path)) {
                Path root = fs.getPath("/" + BUILT_IN_ROOT);
                return checkTree(Files.isDirectory(root) ? root : fs.getPath("/"), path + "!");
            }
        }
        if (Files.isRegularFile(path) && lower.endsWith(".json")) {
            return List.of(loadFile(path.getParent(), path, ""));
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("not a module directory, .json, .jar or .zip: " + path);
        }
        return checkTree(path, "");
    }

    private static List<FileResult> checkTree(Path root, String sourcePrefix) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
        List<FileResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(loadFile(root, file, sourcePrefix));
        }
        return results;
    }

    private static FileResult loadFile(Path root, Path file, String sourcePrefix) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String key = relative.substring(0, relative.length() - ".json".length());
        String source = sourcePrefix + (sourcePrefix.isEmpty() ? file.toString() : relative);
        try {
            JsonNode tree;
            try {
                tree = JSON.readTree(Files.readAllBytes(file));
            } catch (JsonProcessingException e) {
                throw new ModuleFormatException(source, "$", "invalid JSON at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            }
            return new FileResult(key, source, parse(key, source, tree, new LookupTable.Source(root)), null);
        } catch (ModuleFormatException e) {
            return new FileResult(key, source, null, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Parses one module's JSON tree that uses no lookup tables. */
    static Module parse(String key, String source, JsonNode tree) {
        return parse(key, source, tree, LookupTable.Source.NONE);
    }

    /**
     * Parses one module's JSON tree; {@code tables} finds the CSV files of lookup-table transitions.
     * The module starts at the state named "Initial" (Synthea starts there whatever its type, e.g.
     * its encounter/vitals submodule begins with an Observation named Initial), else at its one
     * state of type Initial.
     */
    static Module parse(String key, String source, JsonNode tree, LookupTable.Source tables) {
        JsonField root = new JsonField(source, "$", tree);
        if (!tree.isObject()) {
            throw root.error("a module must be a JSON object");
        }
        String name = root.optionalText("name", key);
        JsonField statesField = root.required("states");
        Map<String, State> states = new LinkedHashMap<>();
        State initial = null;
        for (Map.Entry<String, JsonField> e : statesField.members()) {
            State s = StateParser.parse(e.getKey(), e.getValue(), name, tables);
            if (s instanceof State.Initial) {
                if (initial != null) {
                    throw e.getValue().error("second Initial state (first: '" + initial.name + "')");
                }
                initial = s;
            }
            states.put(e.getKey(), s);
        }
        if (states.containsKey("Initial")) {
            initial = states.get("Initial");
        }
        if (initial == null) {
            throw statesField.error("module has no Initial state");
        }
        for (State s : states.values()) {
            if (s.transition == null) {
                continue;
            }
            for (String target : s.transition.targets()) {
                if (!states.containsKey(target)) {
                    throw new ModuleFormatException(source, "$.states." + s.name,
                            "transition to unknown state '" + target + "'");
                }
            }
        }
        return new Module(key, name, source, states, initial);
    }
}
