package org.patientgen.engine.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobRetryResult;
import org.patientgen.engine.api.JobRetryResult.Outcome;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.Transactions;

/**
 * A user's second chances for a job: retry a failed job in place, retry many at once, or re-run
 * any ended job as a new job.
 *
 * <p>Retrying keeps the job's id and its succeeded shards (their output is recorded and stays);
 * only its failed and withdrawn shards run again, each with a fresh attempt budget. The shards'
 * attempt numbers keep growing, because they are the fencing token of leases.
 */
public final class JobRetries {
    private final Transactions tx;
    private final Clock clock;
    private final JobQueuePolicy policy;
    private final JobStore jobs;

    /**
     * @param dataSource the engine's pool
     * @param clock      time of the transitions, and the retried job's new place in the queue
     * @param policy     ranks the re-queued shards; the same as the {@link JobStore}'s
     * @param jobs       submits re-runs
     */
    public JobRetries(DataSource dataSource, Clock clock, JobQueuePolicy policy, JobStore jobs) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /**
     * Queues a failed job again: its failed and withdrawn shards become pending with a fresh
     * attempt budget (no backoff), and the job moves {@code FAILED → QUEUED}, recorded with
     * {@code who} and {@code reason}. It enters the queue now, so it ages from now. Workflow jobs
     * already skipped because it failed stay skipped (re-run them if needed).
     *
     * @throws JobStateException if the job does not exist or is not failed
     */
    public void retry(long jobId, String who, String reason) throws SQLException {
        JobRetryResult result = retryOne(jobId, who, reason);
        if (result.outcome() != Outcome.RETRIED) {
            throw new JobStateException(result.message());
        }
    }

    /**
     * Retries each of the jobs as {@link #retry} does, each in its own transaction, so that one
     * item's outcome does not depend on the others'.
     *
     * @return one result per id, in the order given (a repeated id is {@code NOT_FAILED} the second time)
     */
    public List<JobRetryResult> retryAll(List<Long> jobIds, String who, String reason) throws SQLException {
        List<JobRetryResult> results = new ArrayList<>(jobIds.size());
        for (long id : jobIds) {
            results.add(retryOne(id, who, reason));
        }
        return results;
    }

    private JobRetryResult retryOne(long jobId, String who, String reason) throws SQLException {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(reason, "reason");
        Instant now = clock.instant();
        return tx.run(c -> {
            JobState seen = state(c, jobId);
            if (seen == null) {
                return new JobRetryResult(jobId, Outcome.NOT_FOUND, "job " + jobId + " does not exist");
            }
            if (seen != JobState.FAILED) {
                return notFailed(jobId, seen);
            }
            // Shards before the job row (lock order). A failed job has no claimable shards, so
            // no worker holds these rows; a concurrent retry is caught by the re-check below.
            try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET state = 'PENDING', failures = 0,"
                    + " not_before_ms = 0, lease_owner = NULL, lease_expires_at = NULL,"
                    + " queue_rank = ? WHERE job_id = ? AND state IN ('FAILED', 'CANCELLED')")) {
                ps.setLong(1, policy.rank(now.toEpochMilli(), priority(c, jobId)));
                ps.setLong(2, jobId);
                ps.executeUpdate();
            }
            JobState locked = JobRows.lockJob(c, jobId);
            if (locked != JobState.FAILED) {
                c.rollback();
                return notFailed(jobId, locked);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET enqueued_ms = ? WHERE id = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, jobId);
                ps.executeUpdate();
            }
            JobRows.transition(c, jobId, JobState.FAILED, JobState.QUEUED, now, who, "retry: " + reason);
            AuditLog.append(c, now, who, "job.retry", "job", Long.toString(jobId), reason);
            return new JobRetryResult(jobId, Outcome.RETRIED, "job " + jobId + " queued again");
        });
    }

    private static JobRetryResult notFailed(long jobId, JobState state) {
        return new JobRetryResult(jobId, Outcome.NOT_FAILED, "job " + jobId + " is " + state
                + "; only failed jobs can be retried (re-run it instead to run it again)");
    }

    private static JobState state(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? JobState.valueOf(rs.getString(1)) : null;
            }
        }
    }

    private static int priority(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT priority FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Submits a new job with the same parameters, priority, owner, labels and retry policy as an
     * ended job (succeeded, failed, cancelled or skipped), linked to it ({@link Job#rerunOf()}).
     * The new job stands alone, outside any workflow. It writes to the same output location; shard
     * directories a previous run completed there are adopted, not generated again (same bytes).
     *
     * @return the new job's id
     * @throws JobStateException if the job does not exist or has not ended
     */
    public long rerun(long jobId, String who) throws SQLException {
        Objects.requireNonNull(who, "who");
        Job original = jobs.job(jobId).orElseThrow(() -> new JobStateException("job " + jobId + " does not exist"));
        if (!original.state().isTerminal()) {
            throw new JobStateException("job " + jobId + " is " + original.state()
                    + "; only ended jobs can be re-run (cancel it first)");
        }
        Instant now = clock.instant();
        return tx.run(c -> {
            long id = jobs.submit(c, original.submission());
            try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET rerun_of = ? WHERE id = ?")) {
                ps.setLong(1, jobId);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, now, who, "job.rerun", "job", Long.toString(id), "re-run of job " + jobId);
            return id;
        });
    }
}
