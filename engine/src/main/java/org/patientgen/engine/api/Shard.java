package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A slice of a job's population, the unit workers claim.
 *
 * @param id             stable identifier
 * @param jobId          its job
 * @param index          0-based position within the job
 * @param firstPatient   index of its first patient within the job's population
 * @param patientCount   patients in it
 * @param state          current state
 * @param attempts       how many times it has been claimed
 * @param leaseOwner     node holding the lease, or {@code null}
 * @param leaseExpiresAt when the lease expires, or {@code null} when not leased
 * @param completedAt    when its completion was recorded, or {@code null}
 * @param failures       failed attempts counted against the job's {@link RetryPolicy} (reset by a job retry)
 * @param notBefore      a pending shard backing off after a failure is not claimed before this; {@code null}
 *                       when it may be claimed at once
 * @param lastError      the error of its latest failed attempt, or {@code null}
 */
public record Shard(long id, long jobId, int index, long firstPatient, int patientCount, ShardState state,
                    int attempts, String leaseOwner, Instant leaseExpiresAt, Instant completedAt,
                    int failures, Instant notBefore, String lastError) {
    public Shard {
        Objects.requireNonNull(state, "state");
    }
}
