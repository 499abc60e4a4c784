package org.patientgen.engine.api;

import java.util.EnumSet;
import java.util.Set;

/** Where a job is in its life. Every change is persisted as a timestamped {@link JobTransition}. */
public enum JobState {
    /** In a workflow, waiting for its upstream jobs to end; it has no shards yet. */
    WAITING,
    /** Waiting for its first shard to be claimed. */
    QUEUED,
    /** At least one shard has been claimed. */
    RUNNING,
    /** Every shard completed. */
    SUCCEEDED,
    /** A shard used up its attempts. The job can be retried, which queues it again. */
    FAILED,
    /** Cancelled by a user before it finished. */
    CANCELLED,
    /** In a workflow, never ran because an upstream job did not succeed. */
    SKIPPED;

    /**
     * Whether the job has ended. Only a user's retry moves an ended job on ({@code FAILED → QUEUED});
     * workers and workflows never do.
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == SKIPPED;
    }

    /** The states this one may move to. */
    public Set<JobState> successors() {
        switch (this) {
            case WAITING:
                return EnumSet.of(QUEUED, SKIPPED, CANCELLED);
            case QUEUED:
                return EnumSet.of(RUNNING, CANCELLED);
            case RUNNING:
                return EnumSet.of(SUCCEEDED, FAILED, CANCELLED);
            case FAILED:
                return EnumSet.of(QUEUED);
            default:
                return EnumSet.noneOf(JobState.class);
        }
    }

    /** Whether {@code next} is a legal next state. */
    public boolean canMoveTo(JobState next) {
        return successors().contains(next);
    }
}
