package org.patientgen.engine.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of loaded modules, keyed by path without {@code .json}. Top-level modules (not in a
 * sub-folder) run for every patient, in key order so runs are deterministic; submodules run only
 * when called. Every CallSubmodule reference is checked when the library is built.
 */
public final class ModuleLibrary {
    private final Map<String, Module> modules;
    private final List<Module> topLevel;

    ModuleLibrary(Map<String, Module> modules) {
        this.modules = Collections.unmodifiableMap(new TreeMap<>(modules));
        List<Module> top = new ArrayList<>();
        for (Module m : this.modules.values()) {
            if (!m.isSubmodule()) {
                top.add(m);
            }
            for (State s : m.states().values()) {
                if (s instanceof State.CallSubmodule call && !this.modules.containsKey(call.submodule)) {
                    throw new ModuleFormatException(m.source(), "$.states." + s.name + ".submodule",
                            "unknown submodule '" + call.submodule + "' (known: "
                                    + String.join(", ", this.modules.keySet().stream()
                                    .filter(k -> k.contains("/")).toList()) + ")");
                }
            }
        }
        this.topLevel = List.copyOf(top);
    }

    /** The modules that run for every patient. */
    public List<Module> topLevel() {
        return topLevel;
    }

    public Map<String, Module> all() {
        return modules;
    }

    Module module(String key) {
        Module m = modules.get(key);
        if (m == null) {
            throw new IllegalStateException("unknown submodule " + key);
        }
        return m;
    }

    /** This library plus {@code other}; modules of {@code other} replace same-named ones here. */
    public ModuleLibrary with(ModuleLibrary other) {
        Map<String, Module> merged = new TreeMap<>(modules);
        merged.putAll(other.modules);
        return new ModuleLibrary(merged);
    }
}
