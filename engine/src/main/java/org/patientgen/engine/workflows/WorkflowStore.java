package org.patientgen.engine.workflows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.OnUpstreamFailure;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowJob;
import org.patientgen.engine.api.WorkflowNode;
import org.patientgen.engine.jobs.JobStateException;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;

/**
 * Workflows: jobs with dependencies forming a DAG.
 *
 * <p>Submitting checks the graph (a cycle is refused with the cycle named, and nothing is
 * stored), then in one transaction stores the workflow, one job per node and the edges. Nodes
 * without upstream edges are queued at once; the others are created
 * {@link JobState#WAITING}, without shards, so no worker can take them. From then on the job
 * store moves them on, in the transaction that ends each upstream job: a waiting job is queued
 * when all its upstream jobs have ended and every {@link OnUpstreamFailure#SKIP} edge into it
 * comes from a job that succeeded; it is {@link JobState#SKIPPED} as soon as one such edge comes
 * from a job that failed, was cancelled or was skipped, and its own downstream jobs follow.
 */
public final class WorkflowStore {
    private final Transactions tx;
    private final Clock clock;
    private final JobStore jobs;

    /**
     * @param dataSource the engine's pool
     * @param clock      time of submissions
     * @param jobs       creates the nodes' jobs and cancels them
     */
    public WorkflowStore(DataSource dataSource, Clock clock, JobStore jobs) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /**
     * Submits a workflow.
     *
     * @return its id
     * @throws WorkflowCycleException if the edges form a cycle, e.g. "cycle: A → B → C → A"
     */
    public long submit(WorkflowDefinition definition, String who) throws SQLException {
        WorkflowGraph graph = WorkflowGraph.of(definition);
        Instant now = clock.instant();
        return tx.run(c -> {
            long workflowId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflows (name, owner, created_at)"
                    + " VALUES (?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, definition.name());
                ps.setString(2, who);
                ps.setObject(3, Transactions.timestamp(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    workflowId = keys.getLong(1);
                }
            }
            // Upstream jobs first, so job ids read in running order.
            Map<String, Long> jobIds = new HashMap<>();
            for (WorkflowNode node : graph.topologicalOrder()) {
                jobIds.put(node.name(), jobs.submitWorkflowJob(c, node.job(), workflowId, node.name(),
                        graph.hasUpstream(node.name())));
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflow_edges (workflow_id, upstream_job_id,"
                    + " downstream_job_id, on_upstream_failure) VALUES (?, ?, ?, ?)")) {
                for (WorkflowEdge edge : definition.edges()) {
                    ps.setLong(1, workflowId);
                    ps.setLong(2, jobIds.get(edge.upstream()));
                    ps.setLong(3, jobIds.get(edge.downstream()));
                    ps.setString(4, edge.onUpstreamFailure().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            AuditLog.append(c, now, who, "workflow.submit", "workflow", Long.toString(workflowId),
                    definition.name() + ": " + definition.nodes().size() + " jobs, " + definition.edges().size()
                            + " edges");
            return workflowId;
        });
    }

    /** The workflow with its jobs' current states, if it exists. */
    public Optional<Workflow> get(long workflowId) throws SQLException {
        return tx.run(c -> {
            String name;
            String owner;
            Instant createdAt;
            try (PreparedStatement ps = c.prepareStatement("SELECT name, owner, created_at FROM workflows WHERE id = ?")) {
                ps.setLong(1, workflowId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    name = rs.getString(1);
                    owner = rs.getString(2);
                    createdAt = Transactions.instant(rs, "created_at");
                }
            }
            return Optional.of(new Workflow(workflowId, name, owner, createdAt, jobsOf(c, workflowId),
                    edgesOf(c, workflowId)));
        });
    }

    /** The most recent workflows, newest first, with their jobs' current states. */
    public List<Workflow> recent(int limit) throws SQLException {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500, was " + limit);
        }
        return tx.run(c -> {
            List<Workflow> shells = Rows.list(c, "SELECT id, name, owner, created_at FROM workflows"
                    + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                    rs -> new Workflow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Transactions.instant(rs, "created_at"), List.of(), List.of()));
            List<Workflow> result = new ArrayList<>(shells.size());
            for (Workflow w : shells) {
                result.add(new Workflow(w.id(), w.name(), w.owner(), w.createdAt(), jobsOf(c, w.id()), edgesOf(c, w.id())));
            }
            return result;
        });
    }

    private static List<WorkflowJob> jobsOf(Connection c, long workflowId) throws SQLException {
        return Rows.list(c,
                "SELECT id, workflow_node, state FROM jobs WHERE workflow_id = ? ORDER BY id",
                rs -> new WorkflowJob(rs.getString(2), rs.getLong(1), JobState.valueOf(rs.getString(3))), workflowId);
    }

    private static List<WorkflowEdge> edgesOf(Connection c, long workflowId) throws SQLException {
        return Rows.list(c, "SELECT u.workflow_node, d.workflow_node, e.on_upstream_failure"
                + " FROM workflow_edges e JOIN jobs u ON u.id = e.upstream_job_id JOIN jobs d ON d.id = e.downstream_job_id"
                + " WHERE e.workflow_id = ? ORDER BY u.id, d.id",
                rs -> new WorkflowEdge(rs.getString(1), rs.getString(2),
                        OnUpstreamFailure.valueOf(rs.getString(3))), workflowId);
    }

    /**
     * Cancels every job of the workflow that has not ended, upstream first. Each cancellation is
     * its own transaction; a job that an earlier one skipped (its upstream was just cancelled)
     * stays skipped.
     *
     * @return how many jobs this call cancelled
     */
    public int cancel(long workflowId, String who, String reason) throws SQLException {
        Workflow workflow = get(workflowId).orElseThrow(
                () -> new IllegalArgumentException("workflow " + workflowId + " does not exist"));
        int cancelled = 0;
        for (WorkflowJob job : workflow.jobs()) {
            if (job.state().isTerminal()) {
                continue;
            }
            try {
                jobs.cancel(job.jobId(), who, reason);
                cancelled++;
            } catch (JobStateException e) {
                // ended (skipped by an upstream cancellation, or finished) since we read it
            }
        }
        return cancelled;
    }
}
