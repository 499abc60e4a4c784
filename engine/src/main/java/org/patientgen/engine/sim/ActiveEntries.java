package org.patientgen.engine.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.patientgen.engine.model.Entry;

/**
 * One kind of entry that can be active (conditions, allergies, medications, care plans,
 * devices): every entry ever started, in order, plus the active one per code. Starting a code
 * that is already active returns the active entry, as GMF modules expect.
 */
final class ActiveEntries<T extends Entry> {
    private final List<T> all = new ArrayList<>();
    private final Map<String, T> activeByCode = new HashMap<>();

    /** The active entry for {@code code}, or a new one made by {@code create} (given nothing) and recorded. */
    T startIfAbsent(String code, Function<String, T> create) {
        T existing = activeByCode.get(code);
        if (existing != null) {
            return existing;
        }
        T entry = create.apply(code);
        all.add(entry);
        activeByCode.put(code, entry);
        return entry;
    }

    /** Ends the active entry for {@code code}; false if none was active. */
    boolean end(String code, long time) {
        T entry = activeByCode.remove(code);
        if (entry == null) {
            return false;
        }
        entry.end(time);
        return true;
    }

    boolean isActive(String code) {
        return activeByCode.containsKey(code);
    }

    /** Every entry, active or ended, in the order started. */
    List<T> all() {
        return all;
    }
}
