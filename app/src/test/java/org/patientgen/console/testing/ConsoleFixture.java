package org.patientgen.console.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.patientgen.console.ConsoleEnvironment;
import org.patientgen.console.ConsoleWindow;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.settings.SettingsStore;
import org.patientgen.console.task.ConsoleThreads;
import org.patientgen.console.task.FxTicker;
import org.patientgen.console.task.FxUiExecutor;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console in a (headless) window, on a real local engine in a temporary directory and
 * with settings in memory: what the UI tests and the screenshots drive.
 */
public final class ConsoleFixture implements AutoCloseable {
    private final LocalEngineConnection local;
    private final ConsoleWindow window;
    /** Folders the console asked to open. */
    public final List<Path> opened = new CopyOnWriteArrayList<>();

    private ConsoleFixture(LocalEngineConnection local, SettingsStore settings) throws Exception {
        this.local = local;
        Stage stage = FxToolkit.registerPrimaryStage();
        ConsoleEnvironment env = new ConsoleEnvironment(local, settings, settings.load(), ConsoleThreads.io(),
                new FxUiExecutor(), new FxTicker(), opened::add, Clock.systemDefaultZone());
        window = WaitForAsyncUtils.asyncFx(() -> ConsoleWindow.open(env, stage)).get(30, TimeUnit.SECONDS);
    }

    /** Opens the console on an engine in {@code dir} running {@code workers} shards at once. */
    public static ConsoleFixture open(Path dir, int workers, SettingsStore settings) throws Exception {
        return new ConsoleFixture(LocalEngines.in(dir, workers), settings);
    }

    public LocalEngineConnection local() {
        return local;
    }

    public ConsoleWindow window() {
        return window;
    }

    /** Closes the window as the application would on exit (settings saved, engine stopped). */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                window.close();
                window.stage().hide();
            }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the console", e);
        }
    }
}
