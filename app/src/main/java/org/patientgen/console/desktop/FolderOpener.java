package org.patientgen.console.desktop;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a folder of this machine in the desktop's file manager. May block (it starts a process):
 * call it from a background task.
 */
@FunctionalInterface
public interface FolderOpener {
    /** Opens {@code folder}. @throws IOException if it does not exist or cannot be opened */
    void open(Path folder) throws IOException;
}
