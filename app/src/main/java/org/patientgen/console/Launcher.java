package org.patientgen.console;

import javafx.application.Application;

/**
 * Starts the console. A plain main class (not the {@link Application} subclass itself), so the
 * JavaFX jars may sit on the classpath rather than the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
