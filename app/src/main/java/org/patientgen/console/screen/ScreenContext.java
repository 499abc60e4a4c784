package org.patientgen.console.screen;

import java.time.Clock;
import java.util.Objects;
import org.patientgen.console.connection.Connections;
import org.patientgen.console.connection.remote.SavedServers;
import org.patientgen.console.desktop.FolderOpener;
import org.patientgen.console.dialog.Dialogs;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Ticker;
import org.patientgen.console.theme.ThemeSwitcher;

/**
 * What a screen may use: the connections (talk to the active one's service only), background
 * tasks for every service call, a ticker for live updates, dialogs, the desktop and the clock.
 *
 * @param connections the connections and the active one
 * @param tasks       runs service calls off the UI thread
 * @param ticker      lifecycle-bound UI ticks
 * @param dialogs     confirmations and questions
 * @param folders     opens folders of the local machine
 * @param themes      gives dialogs the theme
 * @param freshness   where screens record when they last received data
 * @param clock       the console's time source
 * @param servers     the remote servers the console remembers (add, change, remove)
 */
public record ScreenContext(Connections connections, BackgroundTasks tasks, Ticker ticker, Dialogs dialogs,
                            FolderOpener folders, ThemeSwitcher themes, Freshness freshness, Clock clock,
                            SavedServers servers) {
    public ScreenContext {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(folders, "folders");
        Objects.requireNonNull(themes, "themes");
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(servers, "servers");
    }
}
