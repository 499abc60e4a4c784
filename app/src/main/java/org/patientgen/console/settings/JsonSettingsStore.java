package org.patientgen.console.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings in a small JSON file (by default {@code console.json} in the user's data directory),
 * written atomically (temporary file, then rename) so a crash never leaves half a file. An
 * unreadable file is logged and treated as absent: losing the window position must never stop the
 * console from starting.
 */
public final class JsonSettingsStore implements SettingsStore {
    /** The file name in the data directory. */
    public static final String FILE_NAME = "console.json";
    private static final Logger LOG = LoggerFactory.getLogger(JsonSettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public JsonSettingsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public ConsoleSettings load() {
        if (!Files.isRegularFile(file)) {
            return ConsoleSettings.DEFAULTS;
        }
        try {
            ConsoleSettings read = JSON.readValue(file.toFile(), ConsoleSettings.class);
            return read == null ? ConsoleSettings.DEFAULTS : read;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable console settings {}: {}", file, e.getMessage());
            return ConsoleSettings.DEFAULTS;
        }
    }

    @Override
    public void save(ConsoleSettings settings) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(settings));
        } catch (IOException e) {
            LOG.warn("could not save console settings to {}: {}", file, e.getMessage());
        }
    }
}
