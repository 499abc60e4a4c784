package org.patientgen.console.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.patientgen.engine.api.PoolProperty;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsRevision;

/**
 * A revision as the history list shows it: the revision and what it changed from the one before.
 *
 * @param revision the applied revision
 * @param changes  {@code maximumPoolSize 10 → 20, keepaliveTime 2 min → 1 min}; for the first revision,
 *                 {@code first settings}
 */
public record PoolRevisionRow(PoolSettingsRevision revision, String changes) {
    public PoolRevisionRow {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(changes, "changes");
    }

    /** Rows for revisions listed newest first, each compared with the next older one. */
    static List<PoolRevisionRow> of(List<PoolSettingsRevision> newestFirst) {
        List<PoolRevisionRow> rows = new ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            PoolSettingsRevision r = newestFirst.get(i);
            rows.add(new PoolRevisionRow(r, i + 1 < newestFirst.size()
                    ? changes(newestFirst.get(i + 1).settings(), r.settings()) : "first settings"));
        }
        return rows;
    }

    /** What differs from {@code before} to {@code after}, old → new. */
    static String changes(PoolSettings before, PoolSettings after) {
        List<String> parts = new ArrayList<>();
        for (PoolProperty p : PoolProperty.changed(before, after)) {
            PoolField f = PoolField.of(p.hikariName());
            parts.add(p.hikariName() + " " + f.format(p.valueIn(before)) + " \u2192 " + f.format(p.valueIn(after)));
        }
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }
}
