package org.patientgen.console;

import javafx.application.Application;
import javafx.stage.Stage;
import org.patientgen.console.desktop.HostServicesFolderOpener;

/**
 * The JavaFX application: the console on the local engine in the user's data directory. Settings
 * are read in {@link #init()}, on the launcher thread, so the UI thread does no I/O.
 */
public final class ConsoleApp extends Application {
    private ConsoleEnvironment env;
    private ConsoleWindow window;

    @Override
    public void init() {
        env = ConsoleEnvironment.defaults(new HostServicesFolderOpener(getHostServices()));
    }

    @Override
    public void start(Stage stage) {
        window = ConsoleWindow.open(env, stage);
        StartupReport.arm(stage.getScene());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
