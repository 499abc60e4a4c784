package org.patientgen.console.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.HostServices;

/** Opens folders through the JavaFX application's {@link HostServices} (the desktop's default handler). */
public final class HostServicesFolderOpener implements FolderOpener {
    private final HostServices host;

    public HostServicesFolderOpener(HostServices host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    @Override
    public void open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("the folder " + folder + " does not exist (yet); it appears when the job's"
                    + " first shard completes");
        }
        host.showDocument(folder.toUri().toString());
    }
}
