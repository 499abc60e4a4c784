package org.patientgen.console.screen;

import javafx.scene.Parent;

/**
 * A screen's view as the main window hosts it. Created once, on first navigation; then attached
 * each time it is shown and detached each time it is hidden. A screen subscribes to events and
 * starts its ticks in {@link #attach()} and releases every handle in {@link #detach()}, so hidden
 * screens cost nothing.
 */
public interface ScreenView {
    /** The view's root node. */
    Parent root();

    /** The screen is now shown. */
    default void attach() {
    }

    /** The screen is no longer shown (another screen was chosen, or the console is closing). */
    default void detach() {
    }
}
