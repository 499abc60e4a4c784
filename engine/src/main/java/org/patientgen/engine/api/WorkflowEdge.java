package org.patientgen.engine.api;

import java.util.Objects;

/**
 * A dependency between two nodes of a workflow: {@code downstream} starts only after
 * {@code upstream} has ended.
 *
 * @param upstream          the node that runs first
 * @param downstream        the node that waits for it
 * @param onUpstreamFailure what the downstream node does if the upstream one does not succeed
 */
public record WorkflowEdge(String upstream, String downstream, OnUpstreamFailure onUpstreamFailure) {
    public WorkflowEdge {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(downstream, "downstream");
        Objects.requireNonNull(onUpstreamFailure, "onUpstreamFailure");
    }

    /** An edge with the default policy: skip the downstream node if the upstream one does not succeed. */
    public static WorkflowEdge of(String upstream, String downstream) {
        return new WorkflowEdge(upstream, downstream, OnUpstreamFailure.SKIP);
    }

    @Override
    public String toString() {
        return upstream + " → " + downstream + (onUpstreamFailure == OnUpstreamFailure.RUN ? " (run anyway)" : "");
    }
}
