package org.patientgen.engine.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.OnUpstreamFailure;
import org.patientgen.engine.persistence.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves workflow jobs on when an upstream job ends: a {@link JobState#WAITING} job is released
 * into the queue once every upstream job has ended and none of its {@link OnUpstreamFailure#SKIP}
 * edges comes from a job that did not succeed; it is {@link JobState#SKIPPED} as soon as one such
 * edge does (without waiting for its other upstream jobs), and its own downstream jobs are then
 * decided in turn.
 *
 * <p>Runs inside the transaction that ended the upstream job, so the end and its consequences
 * commit together. <b>Concurrency:</b> the decision about a waiting job is taken holding that
 * job's row lock, after this transaction has written its own upstream job's end. When two upstream
 * jobs of one join end at once, the second transaction to take the lock therefore sees both ends
 * (READ COMMITTED: each statement sees what committed before it) and releases the job; the first
 * sees the other still running and leaves it waiting. Locks are taken from upstream to downstream
 * only, along a DAG, so they cannot deadlock.
 */
final class JobDependencies {
    private static final Logger LOG = LoggerFactory.getLogger(JobDependencies.class);

    private JobDependencies() {
    }

    /**
     * Releases or skips the jobs waiting for {@code jobId}, which has just reached a terminal
     * state in this transaction, and so on downstream.
     */
    static void afterFinished(Connection c, long jobId, Instant now, String actor, JobQueuePolicy policy)
            throws SQLException {
        Deque<Long> ended = new ArrayDeque<>();
        ended.push(jobId);
        while (!ended.isEmpty()) {
            for (long downstream : downstreamOf(c, ended.pop())) {
                if (JobRows.lockJob(c, downstream) != JobState.WAITING) {
                    continue; // already released, skipped or cancelled by another path
                }
                String skipBecause = null;
                boolean allEnded = true;
                for (Upstream up : upstreamOf(c, downstream)) {
                    if (!up.state.isTerminal()) {
                        allEnded = false;
                    } else if (up.state != JobState.SUCCEEDED && up.onFailure == OnUpstreamFailure.SKIP) {
                        skipBecause = "upstream job " + up.jobId + " (" + up.node + ") " + up.state;
                        break;
                    }
                }
                if (skipBecause != null) {
                    JobRows.transition(c, downstream, JobState.WAITING, JobState.SKIPPED, now, actor, skipBecause);
                    LOG.info("workflow job {} skipped: {}", downstream, skipBecause);
                    ended.push(downstream);
                } else if (allEnded) {
                    release(c, downstream, now, actor, policy);
                }
            }
        }
    }

    private static final class Upstream {
        final long jobId;
        final String node;
        final JobState state;
        final OnUpstreamFailure onFailure;

        Upstream(long jobId, String node, JobState state, OnUpstreamFailure onFailure) {
            this.jobId = jobId;
            this.node = node;
            this.state = state;
            this.onFailure = onFailure;
        }
    }

    private static List<Long> downstreamOf(Connection c, long jobId) throws SQLException {
        return Rows.list(c, "SELECT downstream_job_id FROM workflow_edges"
                + " WHERE upstream_job_id = ? ORDER BY downstream_job_id",
                rs -> rs.getLong(1), jobId);
    }

    private static List<Upstream> upstreamOf(Connection c, long jobId) throws SQLException {
        return Rows.list(c, "SELECT j.id, j.workflow_node, j.state, e.on_upstream_failure"
                + " FROM workflow_edges e JOIN jobs j ON j.id = e.upstream_job_id"
                + " WHERE e.downstream_job_id = ? ORDER BY j.id",
                rs -> new Upstream(rs.getLong(1), rs.getString(2), JobState.valueOf(rs.getString(3)),
                        OnUpstreamFailure.valueOf(rs.getString(4))), jobId);
    }

    /**
     * Puts a waiting job into the queue: it gets its shards, and its waiting time (for aging)
     * counts from now, not from the workflow's submission.
     */
    private static void release(Connection c, long jobId, Instant now, String actor, JobQueuePolicy policy)
            throws SQLException {
        long population;
        int shardSize;
        int priority;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT population, shard_size, priority FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                population = rs.getLong(1);
                shardSize = rs.getInt(2);
                priority = rs.getInt(3);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET enqueued_ms = ? WHERE id = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, jobId);
            ps.executeUpdate();
        }
        JobRows.insertShards(c, jobId, population, shardSize, policy.rank(now.toEpochMilli(), priority));
        JobRows.transition(c, jobId, JobState.WAITING, JobState.QUEUED, now, actor, "upstream jobs ended");
        LOG.info("workflow job {} released into the queue", jobId);
    }
}
