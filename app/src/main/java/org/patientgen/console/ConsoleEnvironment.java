package org.patientgen.console;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.desktop.FolderOpener;
import org.patientgen.console.settings.ConsoleSettings;
import org.patientgen.console.settings.JsonSettingsStore;
import org.patientgen.console.settings.SettingsStore;
import org.patientgen.console.task.ConsoleThreads;
import org.patientgen.console.task.FxTicker;
import org.patientgen.console.task.FxUiExecutor;
import org.patientgen.console.task.Ticker;
import org.patientgen.console.task.UiExecutor;

/**
 * Everything the console takes from outside, injected so tests and screenshots run it on a
 * temporary engine with settings in memory.
 *
 * @param local    the local engine's connection (always present)
 * @param settings where settings are remembered
 * @param initial  the settings loaded before the window opens (off the UI thread)
 * @param io       the pool that runs service calls; shut down when the console closes
 * @param ui       posts results to the UI thread
 * @param ticker   drives live updates
 * @param folders  opens folders of this machine
 * @param clock    the console's time source
 */
public record ConsoleEnvironment(Connection local, SettingsStore settings, ConsoleSettings initial, ExecutorService io,
                                 UiExecutor ui, Ticker ticker, FolderOpener folders, Clock clock) {
    public ConsoleEnvironment {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(folders, "folders");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The real thing: the local engine on the user's data directory, settings in
     * {@code console.json} there (read now, so call this off the UI thread).
     */
    public static ConsoleEnvironment defaults(FolderOpener folders) {
        LocalEngineConnection.Options options = LocalEngineConnection.Options.defaults();
        return of(new LocalEngineConnection(options),
                new JsonSettingsStore(options.dataDirectory().resolve(JsonSettingsStore.FILE_NAME)), folders);
    }

    /** JavaFX executors and the system clock around the given engine connection and settings. */
    public static ConsoleEnvironment of(Connection local, SettingsStore settings, FolderOpener folders) {
        return new ConsoleEnvironment(local, settings, settings.load(), ConsoleThreads.io(), new FxUiExecutor(),
                new FxTicker(), folders, Clock.systemDefaultZone());
    }
}
