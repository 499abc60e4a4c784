package org.patientgen.engine.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.api.ShardState;
import org.patientgen.engine.persistence.SqlDialect;
import org.patientgen.engine.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where workers take shards: claim the next one under a lease, renew it, and record completion
 * exactly once. Several nodes may share one PostgreSQL database.
 *
 * <p><b>Claiming.</b> The next shard is the leased one with an expired lease, else the due pending
 * one, with the lowest queue rank (see {@link JobQueuePolicy}), each chosen and locked in one
 * statement that is one index walk: {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so concurrent
 * claimers each take a different row without waiting; {@code FOR UPDATE} on H2 (see
 * {@link SqlDialect#H2} for why).
 * The lease is then written with a guard on the attempt number read, so even if a database let two
 * claimers pick the same row, only one update would succeed; the other tries again. After a look
 * for expired leases finds none, this queue's claims skip that look for a tenth of their lease
 * length (at most a second): expiries are rare, and the saved statement is a tenth of a claim's
 * cost at thousands of claims a second. An expired lease is still found within a small fraction of
 * the time it took to expire.
 *
 * <p><b>Completing.</b> The completion that leaves no unfinished shard ends the job. To know,
 * a completion locks the job row and then looks for unfinished shards, so that two concurrent
 * last completions cannot both miss each other. On PostgreSQL most completions skip that lock:
 * a completion that can hold one of the job's pending shards against claimers is provably not the
 * last (see {@code holdsPendingShard}), so completions of one job do not queue on its row.
 *
 * <p><b>Fencing.</b> Every claim increments the shard's attempt number; renew and complete succeed
 * only for the attempt of the lease presented. A worker that lost its lease (expired and
 * reclaimed, or the job was cancelled) cannot overwrite its successor's result.
 *
 * <p><b>Retries.</b> A failed attempt makes the shard pending again with a "not before" time
 * (exponential backoff, see {@link RetryPolicy}); the claim skips it until then. The condition is
 * a plain comparison on a column of the claim index, so the claim stays an index walk. An
 * expired lease counts as a failed attempt too (the node died or stalled): the claim that finds
 * it records the failure and takes the shard at once, or fails the job if that was the last
 * attempt, through the same path as a reported failure.
 *
 * <p>Lease expiry is judged with this node's clock; nodes' clocks must agree to well within a
 * lease length (NTP), which leases of seconds to minutes allow.
 */
public final class ShardQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ShardQueue.class);
    /**
     * Longest time a claim goes without looking for expired leases after a look found none; each
     * claim's own lease length divided by {@link #EXPIRY_LOOKS_PER_LEASE} is used when shorter.
     */
    private static final Duration MAX_EXPIRY_LOOK_INTERVAL = Duration.ofSeconds(1);
    private static final int EXPIRY_LOOKS_PER_LEASE = 10;
    /** Bound on optimistic retries within one claim call; each retry means another node won a row. */
    private static final int CLAIM_TRIES = 16;
    /**
     * Whether a job has a shard that has not succeeded: the states are listed rather than
     * {@code <> 'SUCCEEDED'}, so the (job_id, state, id) index jumps to them without visiting the
     * job's succeeded shards, and the first one found answers.
     */
    private static final String ANY_UNFINISHED_SHARD = "SELECT 1 FROM shards WHERE job_id = ? AND state IN ("
            + Arrays.stream(ShardState.values()).filter(s -> s != ShardState.SUCCEEDED)
                    .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "))
            + ") FETCH FIRST 1 ROWS ONLY";

    private final Transactions tx;
    private final Clock clock;
    private final JobQueuePolicy policy;
    /** The expired lease with the lowest queue rank. */
    private final String pickExpired;
    /** The due pending shard with the lowest queue rank. */
    private final String pickPending;
    /** A job's last pending shard, held against claimers; null where the dialect cannot (H2). */
    private final String holdPendingShard;
    /** Epoch millis (of {@code clock}) before which claims skip the look for expired leases. */
    private volatile long nextExpiryLookMillis = Long.MIN_VALUE;

    /** A queue with the {@linkplain JobQueuePolicy#DEFAULT default} aging policy. */
    public ShardQueue(DataSource dataSource, SqlDialect dialect, Clock clock) {
        this(dataSource, dialect, clock, JobQueuePolicy.DEFAULT);
    }

    /**
     * @param dataSource the engine's pool
     * @param dialect    decides the row-locking clause
     * @param clock      judges lease expiry; inject a test clock to expire leases without waiting
     * @param policy     ranks the shards of workflow jobs released when this queue ends their
     *                   upstream job; use the same policy as the {@link JobStore}
     */
    public ShardQueue(DataSource dataSource, SqlDialect dialect, Clock clock, JobQueuePolicy policy) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        String columns = "SELECT id, job_id, shard_index, first_patient, patient_count, attempts, lease_owner,"
                + " lease_expires_at FROM shards WHERE ";
        String next = " ORDER BY queue_rank, id FETCH FIRST 1 ROWS ONLY " + dialect.claimLock();
        // Two statements, each one index walk (see V4__claim_index.sql): with an OR of the two
        // conditions PostgreSQL read and sorted every claimable row on each claim.
        this.pickExpired = columns + "state = 'LEASED' AND lease_expires_at < ?" + next;
        this.pickPending = columns + "state = 'PENDING' AND not_before_ms <= ?" + next;
        // the job's last shard in claim order, so that claimers, working from the front, rarely meet it
        this.holdPendingShard = dialect.claimFenceLock() == null ? null
                : "SELECT id FROM shards WHERE job_id = ? AND state = 'PENDING'"
                        + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY " + dialect.claimFenceLock();
    }

    /**
     * Claims the next shard for {@code owner}, leased for {@code lease}.
     *
     * <p>A shard whose lease expired is an attempt that ended without completion or renewal (its
     * node died or stalled): the claim records it as a failed attempt of the previous holder,
     * exactly as {@link #fail} would, before taking the shard. While the job's {@link RetryPolicy}
     * allows more attempts the shard is taken at once, without backoff: it has already waited a
     * lease length. When that attempt was the last one, the shard and its job fail and the claim
     * moves on to the next shard.
     *
     * @param owner the claiming node's name
     * @return the lease, or empty when nothing is claimable now
     */
    public Optional<ShardLease> claim(String owner, Duration lease) throws SQLException {
        Objects.requireNonNull(owner, "owner");
        checkLease(lease);
        int lostRaces = 0;
        while (lostRaces < CLAIM_TRIES) {
            Instant now = clock.instant();
            Claim claim = tx.run(c -> tryClaim(c, owner, now, now.plus(lease)));
            switch (claim.outcome) {
                case TAKEN:
                    return Optional.of(claim.lease);
                case EMPTY:
                    return Optional.empty();
                case LOST_RACE:
                    lostRaces++;
                    break;
                default:
                    // EXPIRED_SHARD_FAILED: one shard fewer to look at, so this loop ends; not a race
                    break;
            }
        }
        return Optional.empty();
    }

    private enum ClaimOutcome {
        TAKEN,
        /** Nothing claimable now. */
        EMPTY,
        /** Another claimer took the shard first; try the next one. */
        LOST_RACE,
        /** The shard's expired lease used up its last attempt: it and its job failed; try the next one. */
        EXPIRED_SHARD_FAILED
    }

    private record Claim(ClaimOutcome outcome, ShardLease lease) {
        static final Claim EMPTY = new Claim(ClaimOutcome.EMPTY, null);
        static final Claim LOST_RACE = new Claim(ClaimOutcome.LOST_RACE, null);
        static final Claim EXPIRED_SHARD_FAILED = new Claim(ClaimOutcome.EXPIRED_SHARD_FAILED, null);
    }

    /** A shard the claim picked and locked, as read. */
    private record Candidate(long shardId, long jobId, int index, long first, int count, int attempts, String owner,
                             Instant expires) {
        ShardLease lease(String holder, int attempt, Instant until) {
            return new ShardLease(shardId, jobId, index, first, count, holder, attempt, until);
        }
    }

    private Claim tryClaim(Connection c, String owner, Instant now, Instant expires) throws SQLException {
        // Expired leases before pending shards: they were claimed in queue order once already, and
        // each expiry uses one of the shard's attempts, so this cannot starve the queue.
        Candidate next = null;
        if (now.toEpochMilli() >= nextExpiryLookMillis) {
            next = pick(c, pickExpired, Transactions.timestamp(now));
            if (next == null) {
                // None now: the next one is at least this far off for this node's claims. A lease
                // expires after many such intervals, so it is found well within its own length.
                Duration lease = Duration.between(now, expires).dividedBy(EXPIRY_LOOKS_PER_LEASE);
                Duration wait = lease.compareTo(MAX_EXPIRY_LOOK_INTERVAL) < 0 ? lease : MAX_EXPIRY_LOOK_INTERVAL;
                nextExpiryLookMillis = now.plus(wait).toEpochMilli();
            }
        }
        if (next != null) {
            // We hold the row lock, so the holder can no longer renew or complete this attempt.
            String error = "lease of " + next.owner() + " expired at " + next.expires()
                    + " without completion or renewal";
            FailedAttempt end = failAttempt(c, next.lease(next.owner(), next.attempts(), next.expires()), error, now,
                    owner, false);
            if (end == FailedAttempt.LEASE_LOST) {
                return Claim.LOST_RACE;
            }
            if (end == FailedAttempt.SHARD_FAILED) {
                return Claim.EXPIRED_SHARD_FAILED;
            }
            LOG.info("shard {} of job {} reclaimed by {}: lease of {} expired", next.index(), next.jobId(), owner,
                    next.owner());
        } else {
            next = pick(c, pickPending, now.toEpochMilli());
            if (next == null) {
                return Claim.EMPTY;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET state = 'LEASED', attempts = attempts + 1,"
                + " lease_owner = ?, lease_expires_at = ? WHERE id = ? AND attempts = ?"
                + " AND state = 'PENDING' AND not_before_ms <= ?")) {
            ps.setString(1, owner);
            ps.setObject(2, Transactions.timestamp(expires));
            ps.setLong(3, next.shardId());
            ps.setInt(4, next.attempts());
            ps.setLong(5, now.toEpochMilli());
            if (ps.executeUpdate() == 0) {
                return Claim.LOST_RACE;
            }
        }
        JobRows.transition(c, next.jobId(), JobState.QUEUED, JobState.RUNNING, now, owner, "first shard claimed");
        return new Claim(ClaimOutcome.TAKEN, next.lease(owner, next.attempts() + 1, expires));
    }

    /** Picks and locks the first shard {@code sql} finds with the given bound, or null. */
    private static Candidate pick(Connection c, String sql, Object bound) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, bound);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Candidate(rs.getLong("id"), rs.getLong("job_id"), rs.getInt("shard_index"),
                        rs.getLong("first_patient"), rs.getInt("patient_count"), rs.getInt("attempts"),
                        rs.getString("lease_owner"), Transactions.instant(rs, "lease_expires_at"));
            }
        }
    }

    /**
     * Extends a lease to {@code lease} from now.
     *
     * @return the renewed lease, or empty if it was lost (reclaimed after expiry, or the job was
     *         cancelled): the worker should stop and discard its partial output
     */
    public Optional<ShardLease> renew(ShardLease held, Duration lease) throws SQLException {
        checkLease(lease);
        Instant expires = clock.instant().plus(lease);
        int updated = tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET lease_expires_at = ?"
                    + " WHERE id = ? AND state = 'LEASED' AND attempts = ? AND lease_owner = ?")) {
                ps.setObject(1, Transactions.timestamp(expires));
                ps.setLong(2, held.shardId());
                ps.setInt(3, held.attempt());
                ps.setString(4, held.owner());
                return ps.executeUpdate();
            }
        });
        if (updated == 0) {
            return Optional.empty();
        }
        return Optional.of(new ShardLease(held.shardId(), held.jobId(), held.shardIndex(), held.firstPatient(),
                held.patientCount(), held.owner(), held.attempt(), expires));
    }

    /**
     * Records that the lease holder committed the shard's output. Exactly once: a repeated call
     * for the same lease changes nothing and says so. When it is the job's last shard, the job
     * succeeds.
     *
     * @param patientsWritten patients in the committed output (for progress and checks)
     */
    public ShardCompletion complete(ShardLease held, long patientsWritten) throws SQLException {
        Instant now = clock.instant();
        return tx.run(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET state = 'SUCCEEDED', completed_at = ?,"
                    + " patients_written = ?, lease_expires_at = NULL"
                    + " WHERE id = ? AND state = 'LEASED' AND attempts = ? AND lease_owner = ?")) {
                ps.setObject(1, Transactions.timestamp(now));
                ps.setLong(2, patientsWritten);
                ps.setLong(3, held.shardId());
                ps.setInt(4, held.attempt());
                ps.setString(5, held.owner());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                return alreadyRecordedOrLost(c, held);
            }
            if (holdsPendingShard(c, held.jobId())) {
                return ShardCompletion.RECORDED;
            }
            // Lock the job, then count: a concurrent completion of another shard either committed
            // before we got the lock (and the count sees it) or waits for us (and its count sees ours).
            JobState state = JobRows.lockJob(c, held.jobId());
            if (state == JobState.RUNNING && !hasUnfinishedShard(c, held.jobId())) {
                JobRows.transition(c, held.jobId(), JobState.RUNNING, JobState.SUCCEEDED, now, held.owner(),
                        "all shards completed");
                JobDependencies.afterFinished(c, held.jobId(), now, held.owner(), policy);
            }
            return ShardCompletion.RECORDED;
        });
    }

    /**
     * Whether this transaction now holds one of the job's pending shards against claimers. If so,
     * this completion is not the job's last, and the job row need not be locked: that shard can
     * only be claimed after this transaction commits, so its own completion, later, will see this
     * one. This keeps concurrent completions of one job from queueing for the job row's lock (and
     * for each other's commits) on every shard; only the job's tail takes the locked path.
     */
    private boolean holdsPendingShard(Connection c, long jobId) throws SQLException {
        if (holdPendingShard == null) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(holdPendingShard)) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static ShardCompletion alreadyRecordedOrLost(Connection c, ShardLease held) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, attempts, lease_owner FROM shards WHERE id = ?")) {
            ps.setLong(1, held.shardId());
            try (ResultSet rs = ps.executeQuery()) {
                boolean mine = rs.next() && "SUCCEEDED".equals(rs.getString(1)) && rs.getInt(2) == held.attempt()
                        && held.owner().equals(rs.getString(3));
                return mine ? ShardCompletion.ALREADY_RECORDED : ShardCompletion.LEASE_LOST;
            }
        }
    }

    private static boolean hasUnfinishedShard(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ANY_UNFINISHED_SHARD)) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Hands a lease back unfinished because its node is shutting down: the shard is pending again
     * and claimable at once, and no failed attempt is counted (the attempt number stays raised, so
     * the stopped attempt can no longer renew or complete). Its partial output is the caller's to
     * discard; a next attempt also deletes any it finds.
     *
     * @return false if the lease was already lost, in which case nothing changed
     */
    public boolean release(ShardLease held) throws SQLException {
        long now = clock.instant().toEpochMilli();
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET state = 'PENDING', lease_owner = NULL,"
                    + " lease_expires_at = NULL, not_before_ms = ?"
                    + " WHERE id = ? AND state = 'LEASED' AND attempts = ? AND lease_owner = ?")) {
                ps.setLong(1, now);
                ps.setLong(2, held.shardId());
                ps.setInt(3, held.attempt());
                ps.setString(4, held.owner());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records that the lease holder's attempt at the shard failed, and the error.
     *
     * <p>While the job's {@link RetryPolicy} allows more attempts, the shard becomes pending again,
     * claimable from now + {@link RetryPolicy#backoffAfter backoff}; the job keeps running. The
     * failure that uses up the attempts fails the shard and the job: the job's other unfinished
     * shards are withdrawn and workflow jobs downstream are skipped (or released, where their edge
     * says to run anyway). Either way the failed attempt is kept ({@link JobStore#failures}).
     *
     * @return false if the lease was already lost, in which case nothing changed
     */
    public boolean fail(ShardLease held, String error) throws SQLException {
        return failAttempt(held, error) != FailedAttempt.LEASE_LOST;
    }

    /** What became of a shard after a failed attempt was reported. */
    public enum FailedAttempt {
        /** The shard is pending again, claimable after its backoff; the job keeps running. */
        RETRY_SCHEDULED,
        /** The attempt used up the job's attempts: the shard and its job failed. */
        SHARD_FAILED,
        /** The lease was already lost; nothing changed. */
        LEASE_LOST
    }

    /** {@link #fail}, telling whether the shard will be retried (for the workers' metrics). */
    public FailedAttempt failAttempt(ShardLease held, String error) throws SQLException {
        Instant now = clock.instant();
        String message = error.length() > 4000 ? error.substring(0, 4000) : error;
        return tx.run(c -> failAttempt(c, held, message, now, held.owner(), true));
    }

    /**
     * The one path for an attempt that ended without completion, whether its holder reported an
     * error ({@link #fail}) or its lease expired (found by {@link #claim}): counts and records the
     * failure, then makes the shard pending again or, when it was the last attempt, fails the shard
     * and the job.
     *
     * @param attempt the lease of the attempt that failed (its holder and attempt number)
     * @param actor   who is recorded as failing the job: the holder, or the claimer that found the
     *                lease expired
     * @param backOff whether the next attempt waits the policy's backoff; an expired lease has
     *                already kept the shard waiting a lease length, so it is retried at once
     */
    private FailedAttempt failAttempt(Connection c, ShardLease attempt, String message, Instant now, String actor,
                                   boolean backOff) throws SQLException {
        // The guarded update takes the shard's row lock before anything reads the job (lock order).
        try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET failures = failures + 1, last_error = ?,"
                + " lease_owner = NULL, lease_expires_at = NULL"
                + " WHERE id = ? AND state = 'LEASED' AND attempts = ? AND lease_owner = ?")) {
            ps.setString(1, message);
            ps.setLong(2, attempt.shardId());
            ps.setInt(3, attempt.attempt());
            ps.setString(4, attempt.owner());
            if (ps.executeUpdate() == 0) {
                return FailedAttempt.LEASE_LOST;
            }
        }
        int failures = failures(c, attempt.shardId());
        RetryPolicy retry = retryPolicy(c, attempt.jobId());
        Instant retryAt = null;
        if (failures < retry.maxAttempts()) {
            retryAt = backOff ? now.plus(retry.backoffAfter(failures)) : now;
        }
        recordFailure(c, attempt, now, message, retryAt);
        if (retryAt != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE shards SET state = 'PENDING', not_before_ms = ? WHERE id = ?")) {
                ps.setLong(1, retryAt.toEpochMilli());
                ps.setLong(2, attempt.shardId());
                ps.executeUpdate();
            }
            LOG.info("shard {} of job {} failed (attempt {}, failure {} of {}), retry at {}: {}", attempt.shardIndex(),
                    attempt.jobId(), attempt.attempt(), failures, retry.maxAttempts(), retryAt, message);
            return FailedAttempt.RETRY_SCHEDULED;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET state = 'FAILED' WHERE id = ?")) {
            ps.setLong(1, attempt.shardId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE shards SET state = 'CANCELLED',"
                + " lease_expires_at = NULL WHERE job_id = ? AND state IN ('PENDING', 'LEASED')")) {
            ps.setLong(1, attempt.jobId());
            ps.executeUpdate();
        }
        JobState state = JobRows.lockJob(c, attempt.jobId());
        if (state == JobState.RUNNING) {
            String tries = retry.maxAttempts() == 1 ? "" : " (" + failures + " attempts)";
            JobRows.transition(c, attempt.jobId(), state, JobState.FAILED, now, actor,
                    "shard " + attempt.shardIndex() + " failed" + tries + ": "
                            + message.substring(0, Math.min(message.length(), 1500)));
            JobDependencies.afterFinished(c, attempt.jobId(), now, actor, policy);
        }
        return FailedAttempt.SHARD_FAILED;
    }

    private static int failures(Connection c, long shardId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT failures FROM shards WHERE id = ?")) {
            ps.setLong(1, shardId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static RetryPolicy retryPolicy(Connection c, long jobId) throws SQLException {
        // A job's policy never changes after submission, so reading it needs no lock.
        try (PreparedStatement ps = c.prepareStatement("SELECT retry_max_attempts, retry_initial_backoff_ms,"
                + " retry_max_backoff_ms FROM jobs WHERE id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new JobStateException("job " + jobId + " does not exist");
                }
                return new RetryPolicy(rs.getInt(1), Duration.ofMillis(rs.getLong(2)), Duration.ofMillis(rs.getLong(3)));
            }
        }
    }

    private static void recordFailure(Connection c, ShardLease held, Instant now, String message, Instant retryAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shard_failures (shard_id, attempt, job_id,"
                + " shard_index, owner, failed_at, error, retry_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, held.shardId());
            ps.setInt(2, held.attempt());
            ps.setLong(3, held.jobId());
            ps.setInt(4, held.shardIndex());
            ps.setString(5, held.owner());
            ps.setObject(6, Transactions.timestamp(now));
            ps.setString(7, message);
            if (retryAt == null) {
                ps.setNull(8, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(8, Transactions.timestamp(retryAt));
            }
            ps.executeUpdate();
        }
    }

    private static void checkLease(Duration lease) {
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
    }
}
