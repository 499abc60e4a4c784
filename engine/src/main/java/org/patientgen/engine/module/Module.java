package org.patientgen.engine.module;

import java.util.Collections;
import java.util.Map;

/**
 * A loaded module: a named state machine. {@code key} is its path in the library without
 * {@code .json} (e.g. {@code diabetes/complications}), which is how CallSubmodule names it.
 */
public final class Module {
    private final String key;
    private final String name;
    private final String source;
    private final Map<String, State> states;
    private final State initial;

    Module(String key, String name, String source, Map<String, State> states, State initial) {
        this.key = key;
        this.name = name;
        this.source = source;
        this.states = Collections.unmodifiableMap(states);
        this.initial = initial;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    /** Where it was loaded from (file path or jar entry). */
    public String source() {
        return source;
    }

    /** Submodules live in sub-folders and only run when called. */
    public boolean isSubmodule() {
        return key.contains("/");
    }

    public int stateCount() {
        return states.size();
    }

    State initial() {
        return initial;
    }

    State state(String stateName) {
        State s = states.get(stateName);
        if (s == null) {
            throw new IllegalStateException("module " + key + " has no state '" + stateName + "'");
        }
        return s;
    }

    Map<String, State> states() {
        return states;
    }

    @Override
    public String toString() {
        return key;
    }
}
