package org.patientgen.console.pool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A row of a revision history — pool settings or runtime configuration: who applied it, when, why,
 * which revision it restored, and what it changed from the one before.
 *
 * @param revision   the revision as the engine gives it
 * @param number     its number
 * @param appliedAt  when it was applied
 * @param appliedBy  who applied it
 * @param reason     why, as written; may be empty
 * @param rollbackOf the revision it restored, or 0
 * @param changes    what changed from the revision before, old → new
 * @param <T>        the engine's revision type
 */
public record RevisionRow<T>(T revision, long number, Instant appliedAt, String appliedBy, String reason,
                             long rollbackOf, String changes) {
    public RevisionRow {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(appliedBy, "appliedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changes, "changes");
    }

    /**
     * Rows for revisions listed newest first, each compared with the next older one.
     *
     * @param content what a revision holds (its settings or configuration)
     * @param changes what differs between two contents, in words
     * @param first   what the oldest revision's changes say
     * @param row     the row of a revision with its changes
     */
    static <T, C> List<RevisionRow<T>> rows(List<T> newestFirst, Function<T, C> content,
                                            BiFunction<C, C, String> changes, String first,
                                            BiFunction<T, String, RevisionRow<T>> row) {
        List<RevisionRow<T>> rows = new ArrayList<>(newestFirst.size());
        for (int i = 0; i < newestFirst.size(); i++) {
            T r = newestFirst.get(i);
            rows.add(row.apply(r, i + 1 < newestFirst.size()
                    ? changes.apply(content.apply(newestFirst.get(i + 1)), content.apply(r)) : first));
        }
        return rows;
    }

    /** The reason with the restored revision: {@code restores 2 · too many timeouts}; {@code —} when none. */
    public String why() {
        String text = reason.isBlank() ? "\u2014" : reason;
        return rollbackOf > 0 ? "restores " + rollbackOf + " \u00b7 " + text : text;
    }
}
