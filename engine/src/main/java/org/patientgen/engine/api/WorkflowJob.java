package org.patientgen.engine.api;

import java.util.Objects;

/**
 * A node of a submitted workflow and the job it became.
 *
 * @param node  the node's name
 * @param jobId its job
 * @param state the job's current state
 */
public record WorkflowJob(String node, long jobId, JobState state) {
    public WorkflowJob {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
    }
}
