package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's claim on a shard, valid until {@code expiresAt} unless renewed.
 *
 * <p>{@code attempt} is a fencing token: a shard's attempt number grows with every claim, so a
 * worker whose lease expired and was reclaimed by another can no longer renew or complete it.
 *
 * @param shardId      the shard
 * @param jobId        its job
 * @param shardIndex   its position within the job
 * @param firstPatient index of its first patient within the job's population
 * @param patientCount patients in it
 * @param owner        the node holding the lease
 * @param attempt      the claim number this lease belongs to (1 for the first claim)
 * @param expiresAt    when the lease lapses
 */
public record ShardLease(long shardId, long jobId, int shardIndex, long firstPatient, int patientCount,
                         String owner, int attempt, Instant expiresAt) {
    public ShardLease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
