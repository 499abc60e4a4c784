package org.patientgen.console.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remembered servers in {@code servers.json}, beside {@code console.json} in the user's data
 * directory. A file of its own rather than a field of {@link ConsoleSettings}: the main window
 * rewrites {@code console.json} whole from its own copy (theme, last screen, window), and two
 * writers of one file would undo each other's changes. Written atomically; an unreadable file is
 * logged and read as no servers. Holds no token ({@link TokenVault} does).
 */
public final class JsonServerStore implements ServerStore {
    /** The file name in the data directory. */
    public static final String FILE_NAME = "servers.json";
    private static final Logger LOG = LoggerFactory.getLogger(JsonServerStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public JsonServerStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** What the file holds: a version, so a later console can change the shape. */
    record ServersFile(int version, List<ServerEntry> servers) {
    }

    @Override
    public List<ServerEntry> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            ServersFile read = JSON.readValue(file.toFile(), ServersFile.class);
            if (read == null || read.servers() == null) {
                return List.of();
            }
            List<ServerEntry> valid = new ArrayList<>();
            for (ServerEntry e : read.servers()) {
                if (e != null) {
                    valid.add(e);
                }
            }
            return List.copyOf(valid);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable server list {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    @Override
    public void save(List<ServerEntry> servers) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(new ServersFile(1, List.copyOf(servers))));
        } catch (IOException e) {
            LOG.warn("could not save the server list to {}: {}", file, e.getMessage());
        }
    }
}
