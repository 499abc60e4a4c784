package org.patientgen.console.pool;

import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.api.PoolProperty;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsRevision;

/** Pool settings revisions as the history list shows them, and their changes in words. */
final class PoolHistory {
    private PoolHistory() {
    }

    /** Rows for revisions listed newest first, each compared with the next older one. */
    static List<RevisionRow<PoolSettingsRevision>> rows(List<PoolSettingsRevision> newestFirst) {
        return RevisionRow.rows(newestFirst, PoolSettingsRevision::settings, PoolHistory::changes, "first settings",
                (r, changes) -> new RevisionRow<>(r, r.revision(), r.appliedAt(), r.appliedBy(), r.reason(),
                        r.rollbackOf(), changes));
    }

    /** What differs from {@code before} to {@code after}, old → new; {@code no change} when nothing does. */
    static String changes(PoolSettings before, PoolSettings after) {
        List<String> parts = changeList(before, after);
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    /** Each changed property as {@code maxLifetime 30 min → 10 min}, in display order. */
    static List<String> changeList(PoolSettings before, PoolSettings after) {
        List<String> parts = new ArrayList<>();
        for (PoolProperty p : PoolProperty.changed(before, after)) {
            PoolField f = PoolField.of(p.hikariName());
            parts.add(p.hikariName() + " " + f.format(p.valueIn(before)) + " \u2192 " + f.format(p.valueIn(after)));
        }
        return parts;
    }
}
