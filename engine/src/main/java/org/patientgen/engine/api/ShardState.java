package org.patientgen.engine.api;

/** Where a shard is in its life. */
public enum ShardState {
    /** Waiting to be claimed. */
    PENDING,
    /** Claimed by a worker whose lease has an expiry; claimable again once the lease expired. */
    LEASED,
    /** Its output was committed and recorded, exactly once. */
    SUCCEEDED,
    /** Failed for good. */
    FAILED,
    /** Its job was cancelled before it completed. */
    CANCELLED
}
