package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One applied version of the runtime configuration.
 *
 * @param revision   increasing number, 1 for the first
 * @param appliedAt  when
 * @param appliedBy  who (or {@code health-gate} for an automatic rollback)
 * @param reason     why, as written
 * @param config     the configuration
 * @param rollbackOf the revision whose configuration this one restored, or 0
 */
public record ConfigRevision(long revision, Instant appliedAt, String appliedBy, String reason, RuntimeConfig config,
                             long rollbackOf) {
    public ConfigRevision {
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(appliedBy, "appliedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(config, "config");
    }
}
