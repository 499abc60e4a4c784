package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One failed attempt at a shard.
 *
 * @param jobId      the shard's job
 * @param shardIndex the shard's position within the job
 * @param attempt    the attempt (claim) number that failed
 * @param owner      the node that ran it
 * @param failedAt   when the failure was recorded (for an expired lease: when a claim found it)
 * @param error      what went wrong, as the worker reported it (at most 4000 characters), or
 *                   {@code lease of NODE expired at INSTANT without completion or renewal}
 * @param retryAt    when the shard became claimable again, or {@code null} if this failure used up
 *                   its attempts and failed the job
 */
public record ShardFailure(long jobId, int shardIndex, int attempt, String owner, Instant failedAt, String error,
                           Instant retryAt) {
    public ShardFailure {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(error, "error");
    }
}
