package org.patientgen.engine.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardFailure;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;

/**
 * Durable jobs: submission (split into shards), reading, reprioritising and cancelling. Workers
 * take shards through {@link ShardQueue}.
 *
 * <p>Lock order, shared with {@link ShardQueue}: a transaction that touches both locks shard rows
 * before the job row, so claims, completions, cancels and reprioritisations never deadlock.
 */
public final class JobStore {
    private final Transactions tx;
    private final Clock clock;
    private final JobQueuePolicy policy;

    /**
     * @param dataSource the engine's pool
     * @param clock      time of submissions and transitions
     * @param policy     how waiting time ages priorities; all nodes on one database should agree
     */
    public JobStore(DataSource dataSource, Clock clock, JobQueuePolicy policy) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Queues a job and its shards.
     *
     * @return the job's id
     */
    public long submit(JobSubmission submission) throws SQLException {
        return tx.run(c -> submit(c, submission));
    }

    /**
     * Queues a job and its shards inside the caller's transaction, for callers that must commit
     * the job together with rows of their own (a schedule's fire record).
     *
     * @return the job's id
     */
    public long submit(Connection c, JobSubmission submission) throws SQLException {
        return insert(c, submission, null, null, false);
    }

    /**
     * Adds a workflow's job inside the caller's transaction. A job that waits for upstream jobs is
     * created {@link JobState#WAITING} without shards; it gets them, and enters the queue, when
     * its upstream jobs end, in the transaction that ends the last of them.
     *
     * @param workflowId        the workflow's row
     * @param node              the node's name within the workflow
     * @param waitsForUpstream  whether the node has upstream edges
     * @return the job's id
     */
    public long submitWorkflowJob(Connection c, JobSubmission submission, long workflowId, String node,
                                  boolean waitsForUpstream) throws SQLException {
        return insert(c, submission, workflowId, node, waitsForUpstream);
    }

    private long insert(Connection c, JobSubmission submission, Long workflowId, String node, boolean waiting)
            throws SQLException {
        Instant now = clock.instant();
        GenerationSpec spec = submission.spec();
        JobState state = waiting ? JobState.WAITING : JobState.QUEUED;
        long jobId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (owner, priority, state, population, seed,"
                + " us_state, end_date, years_of_history, formats, modules, output_location, shard_size, shard_count,"
                + " enqueued_ms, submitted_at, updated_at, workflow_id, workflow_node, retry_max_attempts,"
                + " retry_initial_backoff_ms, retry_max_backoff_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            ps.setString(1, submission.owner());
            ps.setInt(2, submission.priority());
            ps.setString(3, state.name());
            ps.setLong(4, spec.population());
            ps.setLong(5, spec.seed());
            ps.setString(6, spec.state());
            ps.setObject(7, spec.endDate());
            ps.setInt(8, spec.yearsOfHistory());
            ps.setString(9, String.join(",", spec.formats()));
            ps.setString(10, spec.modules());
            ps.setString(11, spec.output());
            ps.setInt(12, spec.shardSize());
            ps.setInt(13, spec.shardCount());
            ps.setLong(14, now.toEpochMilli());
            ps.setObject(15, Transactions.timestamp(now));
            ps.setObject(16, Transactions.timestamp(now));
            if (workflowId == null) {
                ps.setNull(17, java.sql.Types.BIGINT);
            } else {
                ps.setLong(17, workflowId);
            }
            ps.setString(18, node);
            ps.setInt(19, submission.retry().maxAttempts());
            ps.setLong(20, submission.retry().initialBackoff().toMillis());
            ps.setLong(21, submission.retry().maxBackoff().toMillis());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                jobId = keys.getLong(1);
            }
        }
        insertLabels(c, jobId, submission.labels());
        if (!waiting) {
            JobRows.insertShards(c, jobId, spec.population(), spec.shardSize(),
                    policy.rank(now.toEpochMilli(), submission.priority()));
        }
        JobRows.insertTransition(c, jobId, null, state, now, submission.owner(),
                waiting ? "submitted; waits for upstream jobs" : "submitted");
        AuditLog.append(c, now, submission.owner(), "job.submit", "job", Long.toString(jobId),
                spec.population() + " patients in " + spec.shardCount() + " shards, priority " + submission.priority()
                        + (node == null ? "" : ", workflow " + workflowId + " node " + node));
        return jobId;
    }

    private static void insertLabels(Connection c, long jobId, Map<String, String> labels) throws SQLException {
        if (labels.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO job_labels (job_id, label_key, label_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> label : labels.entrySet()) {
                ps.setLong(1, jobId);
                ps.setString(2, label.getKey());
                ps.setString(3, label.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A job row with its progress counted from its shards; callers append the WHERE clause. */
    private static final String SELECT_JOBS = "SELECT j.*,"
            + " (SELECT COUNT(*) FROM shards s WHERE s.job_id = j.id AND s.state = 'SUCCEEDED') AS shards_succeeded,"
            + " (SELECT COALESCE(SUM(s.patient_count), 0) FROM shards s"
            + "   WHERE s.job_id = j.id AND s.state = 'SUCCEEDED') AS patients_done"
            + " FROM jobs j";

    /**
     * Jobs matching a query, newest first (highest id first), one page; keyset paging on the id so
     * a page is cheap however deep, and stable while new jobs arrive.
     */
    public JobPage query(JobQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT_JOBS).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!query.states().isEmpty()) {
            sql.append(" AND j.state IN (")
                    .append(String.join(", ", Collections.nCopies(query.states().size(), "?"))).append(')');
            query.states().stream().map(Enum::name).sorted().forEach(params::add);
        }
        for (Map.Entry<String, String> label : query.labels().entrySet()) {
            sql.append(" AND EXISTS (SELECT 1 FROM job_labels l WHERE l.job_id = j.id"
                    + " AND l.label_key = ? AND l.label_value = ?)");
            params.add(label.getKey());
            params.add(label.getValue());
        }
        if (query.owner() != null) {
            sql.append(" AND j.owner = ?");
            params.add(query.owner());
        }
        if (query.submittedFrom() != null) {
            sql.append(" AND j.submitted_at >= ?");
            params.add(Transactions.timestamp(query.submittedFrom()));
        }
        if (query.submittedTo() != null) {
            sql.append(" AND j.submitted_at < ?");
            params.add(Transactions.timestamp(query.submittedTo()));
        }
        if (query.cursor() != null) {
            sql.append(" AND j.id < ?");
            params.add(JobQuery.decodeCursor(query.cursor()));
        }
        // One row more than the page tells whether there is a next page.
        sql.append(" ORDER BY j.id DESC FETCH FIRST ").append(query.limit() + 1).append(" ROWS ONLY");
        return tx.run(c -> {
            List<Job> rows = Rows.list(c, sql.toString(), rs -> readJob(rs, Map.of()), params.toArray());
            boolean more = rows.size() > query.limit();
            List<Job> page = more ? rows.subList(0, query.limit()) : rows;
            Map<Long, Map<String, String>> labels = labels(c, page);
            List<Job> jobs = new ArrayList<>(page.size());
            for (Job job : page) {
                jobs.add(job.withLabels(labels.getOrDefault(job.id(), Map.of())));
            }
            return new JobPage(jobs, more ? JobQuery.cursorAfter(page.get(page.size() - 1).id()) : null);
        });
    }

    private static Map<Long, Map<String, String>> labels(Connection c, List<Job> jobs) throws SQLException {
        Map<Long, Map<String, String>> byJob = new HashMap<>();
        if (jobs.isEmpty()) {
            return byJob;
        }
        String in = String.join(", ", Collections.nCopies(jobs.size(), "?"));
        Rows.list(c, "SELECT job_id, label_key, label_value FROM job_labels WHERE job_id IN (" + in + ")"
                + " ORDER BY job_id, label_key", rs -> {
                    byJob.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                    return null;
                }, jobs.stream().map(Job::id).toArray());
        return byJob;
    }

    /** The job, if it exists. */
    public Optional<Job> job(long jobId) throws SQLException {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_JOBS + " WHERE j.id = ?")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(readJob(rs, labels(c, jobId))) : Optional.empty();
                }
            }
        });
    }

    private static Map<String, String> labels(Connection c, long jobId) throws SQLException {
        Map<String, String> labels = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT label_key, label_value FROM job_labels WHERE job_id = ? ORDER BY label_key")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    labels.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return labels;
    }

    private static Job readJob(ResultSet rs, Map<String, String> labels) throws SQLException {
        GenerationSpec spec = new GenerationSpec(rs.getLong("population"), rs.getLong("seed"), rs.getString("us_state"),
                rs.getObject("end_date", java.time.LocalDate.class), rs.getInt("years_of_history"),
                Arrays.asList(rs.getString("formats").split(",")), rs.getString("modules"),
                rs.getString("output_location"), rs.getInt("shard_size"));
        RetryPolicy retry = new RetryPolicy(rs.getInt("retry_max_attempts"),
                Duration.ofMillis(rs.getLong("retry_initial_backoff_ms")), Duration.ofMillis(rs.getLong("retry_max_backoff_ms")));
        JobSubmission submission = new JobSubmission(spec, rs.getInt("priority"), rs.getString("owner"), labels, retry);
        long rerunId = rs.getLong("rerun_of");
        Long rerunOf = rs.wasNull() ? null : rerunId;
        return new Job(rs.getLong("id"), submission, JobState.valueOf(rs.getString("state")),
                Transactions.instant(rs, "submitted_at"), Transactions.instant(rs, "updated_at"),
                rs.getInt("shard_count"), rs.getInt("shards_succeeded"), rs.getLong("patients_done"),
                rerunOf);
    }

    /** Every state change of the job, oldest first; the first is its submission. */
    public List<JobTransition> transitions(long jobId) throws SQLException {
        return tx.run(c -> {
            return Rows.list(c, "SELECT from_state, to_state, occurred_at, actor, reason"
                    + " FROM job_transitions WHERE job_id = ? ORDER BY id",
                    rs -> {
                        String from = rs.getString(1);
                        return new JobTransition(jobId, from == null ? null : JobState.valueOf(from),
                                JobState.valueOf(rs.getString(2)), Transactions.instant(rs, "occurred_at"),
                                rs.getString(4), rs.getString(5));
                    }, jobId);
        });
    }

    /** The job's shards in order. */
    public List<Shard> shards(long jobId) throws SQLException {
        return tx.run(c -> {
            return Rows.list(c, "SELECT " + JobRows.SHARD_COLUMNS
                    + " FROM shards WHERE job_id = ? ORDER BY shard_index",
                    JobRows::shard, jobId);
        });
    }

    /** Every failed attempt of the job's shards, by shard and then attempt, with its error. */
    public List<ShardFailure> failures(long jobId) throws SQLException {
        return tx.run(c -> {
            return Rows.list(c, "SELECT shard_index, attempt, owner, failed_at, error, retry_at"
                    + " FROM shard_failures WHERE job_id = ? ORDER BY shard_index, attempt",
                    rs -> new ShardFailure(jobId, rs.getInt(1), rs.getInt(2), rs.getString(3),
                            Transactions.instant(rs, "failed_at"), rs.getString(5), Transactions.instant(rs, "retry_at")), jobId);
        });
    }

    /**
     * Changes a queued (or workflow-waiting) job's priority. Its waiting time still counts from
     * when it entered the queue, so aging continues where it was.
     *
     * @throws JobStateException if the job is not queued or waiting (any more)
     */
    public void reprioritise(long jobId, int priority, String who) throws SQLException {
        JobSubmission.checkPriority(priority);
        Instant now = clock.instant();
        tx.run(c -> {
            long enqueuedMs = queuedJobEnqueuedMs(c, jobId);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE shards SET queue_rank = ? WHERE job_id = ? AND state = 'PENDING'")) {
                ps.setLong(1, policy.rank(enqueuedMs, priority));
                ps.setLong(2, jobId);
                ps.executeUpdate();
            }
            int old;
            try (PreparedStatement ps = c.prepareStatement("SELECT priority FROM jobs WHERE id = ?")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    old = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE jobs SET priority = ?, updated_at = ? WHERE id = ? AND state IN ('QUEUED', 'WAITING')")) {
                ps.setInt(1, priority);
                ps.setObject(2, Transactions.timestamp(now));
                ps.setLong(3, jobId);
                if (ps.executeUpdate() == 0) {
                    // A worker claimed its first shard meanwhile; the shard update rolls back with us.
                    throw new JobStateException("job " + jobId + " started running; only queued or waiting jobs can be reprioritised");
                }
            }
            AuditLog.append(c, now, who, "job.reprioritise", "job", Long.toString(jobId),
                    "priority " + old + " -> " + priority);
            return null;
        });
    }

    private static long queuedJobEnqueuedMs(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, enqueued_ms FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new JobStateException("job " + jobId + " does not exist");
                }
                String state = rs.getString(1);
                if (!JobState.QUEUED.name().equals(state) && !JobState.WAITING.name().equals(state)) {
                    throw new JobStateException("job " + jobId + " is " + state
                            + "; only queued or waiting jobs can be reprioritised");
                }
                return rs.getLong(2);
            }
        }
    }

    /**
     * Cancels a waiting, queued or running job: its unfinished shards are withdrawn, and workers
     * holding leases on them learn it when they renew or complete ({@code LEASE_LOST}). Workflow
     * jobs downstream of it are skipped (or released, where their edge says to run anyway).
     *
     * @throws JobStateException if the job already finished
     */
    public void cancel(long jobId, String who, String reason) throws SQLException {
        Instant now = clock.instant();
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET state = 'CANCELLED',"
                    + " lease_expires_at = NULL WHERE job_id = ? AND state IN ('PENDING', 'LEASED')")) {
                ps.setLong(1, jobId);
                ps.executeUpdate();
            }
            JobState state = JobRows.lockJob(c, jobId);
            if (state.isTerminal()) {
                throw new JobStateException("job " + jobId + " is already " + state + "; only waiting, queued or"
                        + " running jobs can be cancelled");
            }
            JobRows.transition(c, jobId, state, JobState.CANCELLED, now, who, reason);
            JobDependencies.afterFinished(c, jobId, now, who, policy);
            AuditLog.append(c, now, who, "job.cancel", "job", Long.toString(jobId), reason);
            return null;
        });
    }
}
