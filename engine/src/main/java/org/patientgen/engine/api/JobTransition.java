package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One persisted change of a job's state.
 *
 * @param jobId  the job
 * @param from   previous state, or {@code null} for the submission itself
 * @param to     new state
 * @param at     when it happened (engine clock)
 * @param actor  who or what caused it: a user, or a worker node
 * @param reason why, in words (may be empty)
 */
public record JobTransition(long jobId, JobState from, JobState to, Instant at, String actor, String reason) {
    public JobTransition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        reason = reason == null ? "" : reason;
    }
}
