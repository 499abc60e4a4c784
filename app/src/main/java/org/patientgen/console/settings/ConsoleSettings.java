package org.patientgen.console.settings;

import java.util.Objects;

/**
 * What the console remembers between runs: theme, window placement and the last screen shown.
 *
 * @param theme      {@code LIGHT} or {@code DARK}
 * @param window     where the main window was, or {@code null} the first time
 * @param lastScreen id of the screen shown last, or {@code null}
 */
public record ConsoleSettings(String theme, WindowPlacement window, String lastScreen) {
    /** Before anything was remembered: light theme, default size, first screen. */
    public static final ConsoleSettings DEFAULTS = new ConsoleSettings("LIGHT", null, null);

    public ConsoleSettings {
        theme = theme == null || theme.isBlank() ? "LIGHT" : theme;
    }

    public ConsoleSettings withTheme(String newTheme) {
        return new ConsoleSettings(Objects.requireNonNull(newTheme, "newTheme"), window, lastScreen);
    }

    public ConsoleSettings withWindow(WindowPlacement placement) {
        return new ConsoleSettings(theme, placement, lastScreen);
    }

    public ConsoleSettings withLastScreen(String screenId) {
        return new ConsoleSettings(theme, window, screenId);
    }

    /**
     * The main window's bounds, in screen coordinates.
     *
     * @param maximized whether it was maximized (the bounds are then those before maximizing)
     */
    public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
        public WindowPlacement {
            if (!(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("window size must be positive, was " + width + " x " + height);
            }
        }
    }
}
