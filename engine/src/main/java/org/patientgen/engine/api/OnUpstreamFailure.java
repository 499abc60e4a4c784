package org.patientgen.engine.api;

/**
 * What a workflow edge does when its upstream job ends without succeeding (FAILED, CANCELLED or
 * SKIPPED).
 */
public enum OnUpstreamFailure {
    /** The default: the downstream job does not run; it becomes {@link JobState#SKIPPED}, and so do jobs after it. */
    SKIP,
    /** The downstream job runs anyway once the upstream job has ended, however it ended. */
    RUN
}
