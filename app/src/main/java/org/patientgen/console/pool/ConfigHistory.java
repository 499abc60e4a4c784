package org.patientgen.console.pool;

import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.RuntimeConfig;

/** Runtime configuration revisions as the deploy history shows them, and their changes in words. */
final class ConfigHistory {
    private ConfigHistory() {
    }

    /** Rows for revisions listed newest first, each compared with the next older one. */
    static List<RevisionRow<ConfigRevision>> rows(List<ConfigRevision> newestFirst) {
        return RevisionRow.rows(newestFirst, ConfigRevision::config, ConfigHistory::changes, "first configuration",
                (r, changes) -> new RevisionRow<>(r, r.revision(), r.appliedAt(), r.appliedBy(), r.reason(),
                        r.rollbackOf(), changes));
    }

    /** What differs from {@code before} to {@code after}, old → new; {@code no change} when nothing does. */
    static String changes(RuntimeConfig before, RuntimeConfig after) {
        List<String> parts = new ArrayList<>();
        add(parts, "workers", before.workers(), after.workers());
        add(parts, "requests/min per token", before.requestsPerMinutePerToken(), after.requestsPerMinutePerToken());
        add(parts, "max body KiB", before.maxRequestBodyKiB(), after.maxRequestBodyKiB());
        parts.addAll(PoolHistory.changeList(before.pool(), after.pool()));
        return parts.isEmpty() ? "no change" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, int before, int after) {
        if (before != after) {
            parts.add(name + " " + before + " \u2192 " + after);
        }
    }
}
