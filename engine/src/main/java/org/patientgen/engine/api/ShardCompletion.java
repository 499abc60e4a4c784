package org.patientgen.engine.api;

/** What recording a shard's completion did. */
public enum ShardCompletion {
    /** Recorded now. */
    RECORDED,
    /** This lease had already recorded it; nothing changed (a retried call is harmless). */
    ALREADY_RECORDED,
    /** The lease was lost (expired and reclaimed, or the job was cancelled): nothing recorded. */
    LEASE_LOST
}
