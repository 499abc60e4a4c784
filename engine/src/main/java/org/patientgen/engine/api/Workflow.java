package org.patientgen.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A submitted workflow with the current state of its jobs.
 *
 * @param id        stable identifier
 * @param name      its name
 * @param owner     who submitted it
 * @param createdAt when
 * @param jobs      its nodes' jobs, upstream before downstream
 * @param edges     its dependencies
 */
public record Workflow(long id, String name, String owner, Instant createdAt, List<WorkflowJob> jobs,
                       List<WorkflowEdge> edges) {
    public Workflow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        jobs = List.copyOf(jobs);
        edges = List.copyOf(edges);
    }

    /** Whether every job has ended (succeeded, failed, cancelled or skipped). */
    public boolean finished() {
        return jobs.stream().allMatch(j -> j.state().isTerminal());
    }

    /** Whether every job succeeded. */
    public boolean succeeded() {
        return jobs.stream().allMatch(j -> j.state() == JobState.SUCCEEDED);
    }

    /** The job of a node. */
    public WorkflowJob job(String node) {
        return jobs.stream().filter(j -> j.node().equals(node)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("workflow " + id + " has no node '" + node + "'"));
    }
}
