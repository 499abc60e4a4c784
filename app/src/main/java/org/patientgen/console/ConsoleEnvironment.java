package org.patientgen.console;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.desktop.FolderOpener;
import org.patientgen.console.settings.ConsoleSettings;
import org.patientgen.console.settings.EncryptedTokenVault;
import org.patientgen.console.settings.InMemoryServerStore;
import org.patientgen.console.settings.InMemoryTokenVault;
import org.patientgen.console.settings.JsonServerStore;
import org.patientgen.console.settings.JsonSettingsStore;
import org.patientgen.console.settings.ServerStore;
import org.patientgen.console.settings.TokenVault;
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
 * @param servers  where the remembered remote servers are kept
 * @param tokens   where their tokens are kept, encrypted
 */
public record ConsoleEnvironment(Connection local, SettingsStore settings, ConsoleSettings initial, ExecutorService io,
                                 UiExecutor ui, Ticker ticker, FolderOpener folders, Clock clock,
                                 ServerStore servers, TokenVault tokens) {
    public ConsoleEnvironment {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(folders, "folders");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(tokens, "tokens");
    }

    /** Without remembered servers (kept in memory): tests and screenshots of the local engine. */
    public ConsoleEnvironment(Connection local, SettingsStore settings, ConsoleSettings initial, ExecutorService io,
                              UiExecutor ui, Ticker ticker, FolderOpener folders, Clock clock) {
        this(local, settings, initial, io, ui, ticker, folders, clock, new InMemoryServerStore(),
                new InMemoryTokenVault());
    }

    /**
     * The real thing: the local engine on the user's data directory, settings in
     * {@code console.json} there (read now, so call this off the UI thread), remote servers in
     * {@code servers.json} beside it and their tokens encrypted in the same directory.
     */
    public static ConsoleEnvironment defaults(FolderOpener folders) {
        LocalEngineConnection.Options options = LocalEngineConnection.Options.defaults();
        Path data = options.dataDirectory();
        SettingsStore settings = new JsonSettingsStore(data.resolve(JsonSettingsStore.FILE_NAME));
        return new ConsoleEnvironment(new LocalEngineConnection(options), settings, settings.load(),
                ConsoleThreads.io(), new FxUiExecutor(), new FxTicker(), folders, Clock.systemDefaultZone(),
                new JsonServerStore(data.resolve(JsonServerStore.FILE_NAME)), new EncryptedTokenVault(data));
    }
}
