package org.patientgen.console.theme;

import java.util.Locale;

/**
 * Style-class names and stylesheets shared by the console's views. Component stylesheets use the
 * semantic colours defined once in {@code styles/console.css} (e.g. {@code -pg-state-running}),
 * never literal colours, so a theme only has to swap the palette.
 */
public final class ConsoleStyles {
    /** The root stylesheet: semantic colours and shared components; every scene gets it. */
    public static final String ROOT_STYLESHEET = "/styles/console.css";

    /** Muted secondary text. */
    public static final String MUTED = "pg-muted";
    /** A page title. */
    public static final String PAGE_TITLE = "pg-page-title";
    /** A text shown in place of empty content, saying what to do. */
    public static final String EMPTY_STATE = "pg-empty-state";
    /** A small rounded label showing a state ({@link #stateClass} adds its colour). */
    public static final String BADGE = "pg-badge";
    /** A banner over a screen's content: an error or a result to read. */
    public static final String BANNER = "pg-banner";
    /** A danger (destructive) banner or text. */
    public static final String DANGER = "pg-danger";
    /** A success text or banner. */
    public static final String SUCCESS = "pg-success";
    /** Health badge: up. */
    public static final String HEALTH_UP = "pg-health-up";
    /** Health badge: down. */
    public static final String HEALTH_DOWN = "pg-health-down";
    /** Health badge: starting. */
    public static final String HEALTH_STARTING = "pg-health-starting";
    /** A key in a key/value grid. */
    public static final String FIELD_KEY = "pg-field-key";
    /** A successful check's banner (e.g. Test connection). */
    public static final String CHECK_OK = "pg-test-ok";
    /** A failed check's banner. */
    public static final String CHECK_FAILED = "pg-test-failed";
    /** The server the screens show, in the servers list. */
    public static final String ACTIVE_SERVER = "pg-active-server";
    /** Monospaced text (ids, paths, JSON). */
    public static final String MONO = "pg-mono";

    private ConsoleStyles() {
    }

    /** The style class of a state badge or cell, e.g. {@code pg-state-running}. */
    public static String stateClass(Enum<?> state) {
        return "pg-state-" + state.name().toLowerCase(Locale.ROOT);
    }
}
