package org.patientgen.console.task;

import java.time.Duration;

/**
 * Repeats an action on the UI thread at a fixed period, for as long as a screen is shown: live
 * tables and charts redraw on a tick (from coalesced snapshots) rather than on every event. The
 * console uses {@link FxTicker}; tests use a manual ticker that they advance themselves.
 */
public interface Ticker {
    /**
     * Runs {@code action} on the UI thread every {@code period} until the handle is cancelled.
     * Keep the handle: screens cancel it when they are hidden.
     */
    Cancellable every(Duration period, Runnable action);
}
