package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One applied version of the pool settings.
 *
 * @param revision     increasing number, 1 for the first
 * @param appliedAt    when it was applied
 * @param appliedBy    who applied it
 * @param reason       why, as the user wrote it
 * @param settings     the settings
 * @param rollbackOf   the revision this one restored, or 0
 */
public record PoolSettingsRevision(long revision, Instant appliedAt, String appliedBy, String reason,
                                   PoolSettings settings, long rollbackOf) {
    public PoolSettingsRevision {
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(appliedBy, "appliedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(settings, "settings");
    }
}
