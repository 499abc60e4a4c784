package org.patientgen.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A configuration being applied, and what its health gate decided.
 *
 * @param revision         the revision applied
 * @param previousRevision the revision it replaced (where an automatic rollback returns), 0 if none
 * @param state            where the deployment is
 * @param startedAt        when it was applied
 * @param bakeUntil        when the health gate stops watching; {@code null} without a gate
 * @param lastHealth       the latest health seen by the gate, or {@code null} before the first check
 * @param message          what happened, in words
 */
public record ConfigDeployment(long revision, long previousRevision, State state, Instant startedAt, Instant bakeUntil,
                               EngineHealth lastHealth, String message) {
    /** Where a deployment is. */
    public enum State {
        /** Applied without a health gate. */
        APPLIED,
        /** Applied; the health gate is watching until {@code bakeUntil}. */
        BAKING,
        /** The health gate saw the engine healthy for the whole bake time. */
        CONFIRMED,
        /** Health degraded during the bake time; the previous configuration was restored. */
        ROLLED_BACK
    }

    public ConfigDeployment {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(message, "message");
    }

    /** Whether the deployment has reached its final state. */
    public boolean settled() {
        return state != State.BAKING;
    }

    /** The checks that failed at the latest look, if any. */
    public List<HealthCheck> failures() {
        return lastHealth == null ? List.of() : lastHealth.failures();
    }
}
