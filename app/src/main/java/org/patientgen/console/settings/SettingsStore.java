package org.patientgen.console.settings;

/**
 * Where {@link ConsoleSettings} are kept. Injected, so tests never touch the user's real file.
 * Calls may do I/O: make them off the UI thread.
 */
public interface SettingsStore {
    /** The remembered settings, or {@link ConsoleSettings#DEFAULTS} when there are none or they are unreadable. */
    ConsoleSettings load();

    /** Remembers {@code settings}, replacing what was there. */
    void save(ConsoleSettings settings);
}
