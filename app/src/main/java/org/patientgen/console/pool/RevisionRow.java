package org.patientgen.console.pool;

import java.time.Instant;
import java.util.Objects;

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

    /** The reason with the restored revision: {@code restores 2 · too many timeouts}; {@code —} when none. */
    public String why() {
        String text = reason.isBlank() ? "\u2014" : reason;
        return rollbackOf > 0 ? "restores " + rollbackOf + " \u00b7 " + text : text;
    }
}
