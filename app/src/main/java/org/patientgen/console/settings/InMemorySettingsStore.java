package org.patientgen.console.settings;

import java.util.Objects;

/** Settings kept in memory only: for tests, screenshots and a console that must leave no trace. */
public final class InMemorySettingsStore implements SettingsStore {
    private volatile ConsoleSettings settings;

    public InMemorySettingsStore() {
        this(ConsoleSettings.DEFAULTS);
    }

    public InMemorySettingsStore(ConsoleSettings initial) {
        this.settings = Objects.requireNonNull(initial, "initial");
    }

    @Override
    public ConsoleSettings load() {
        return settings;
    }

    @Override
    public void save(ConsoleSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "newSettings");
    }
}
