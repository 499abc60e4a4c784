package org.patientgen.engine.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardState;
import org.patientgen.engine.persistence.Transactions;

/** SQL shared by the job store and the shard queue. */
final class JobRows {
    static final String SHARD_COLUMNS = "id, job_id, shard_index, first_patient, patient_count, state, attempts,"
            + " lease_owner, lease_expires_at, completed_at, failures, not_before_ms, last_error";

    private JobRows() {
    }

    /**
     * Moves a job from {@code from} to {@code to} and records the transition, if it is in {@code from}.
     *
     * <p>A caller that moves a job to a terminal state must then call
     * {@link JobDependencies#afterFinished} in the same transaction, so that workflow jobs waiting
     * for it are released or skipped atomically with its end.
     *
     * @return whether the job was in {@code from} (and so moved)
     */
    static boolean transition(Connection c, long jobId, JobState from, JobState to, Instant at, String actor,
                              String reason) throws SQLException {
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("a job cannot move from " + from + " to " + to);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE jobs SET state = ?, updated_at = ? WHERE id = ? AND state = ?")) {
            ps.setString(1, to.name());
            ps.setObject(2, Transactions.timestamp(at));
            ps.setLong(3, jobId);
            ps.setString(4, from.name());
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        insertTransition(c, jobId, from, to, at, actor, reason);
        return true;
    }

    static void insertTransition(Connection c, long jobId, JobState from, JobState to, Instant at, String actor,
                                 String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_transitions"
                + " (job_id, from_state, to_state, occurred_at, actor, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, jobId);
            ps.setString(2, from == null ? null : from.name());
            ps.setString(3, to.name());
            ps.setObject(4, Transactions.timestamp(at));
            ps.setString(5, actor);
            ps.setString(6, reason);
            ps.executeUpdate();
        }
    }

    /** Locks the job row, so that work on its shards that decides the job's fate is serialised. */
    static JobState lockJob(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM jobs WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new JobStateException("job " + jobId + " does not exist");
                }
                return JobState.valueOf(rs.getString(1));
            }
        }
    }

    /**
     * Creates a job's shards, all pending with queue rank {@code rank}: shard <i>i</i> covers
     * patients <i>i·size … min((i+1)·size, population) − 1</i>.
     */
    static void insertShards(Connection c, long jobId, long population, int shardSize, long rank) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shards (job_id, shard_index, first_patient,"
                + " patient_count, state, queue_rank, attempts) VALUES (?, ?, ?, ?, 'PENDING', ?, 0)")) {
            int shards = Math.toIntExact((population + shardSize - 1) / shardSize);
            for (int i = 0; i < shards; i++) {
                long first = (long) i * shardSize;
                ps.setLong(1, jobId);
                ps.setInt(2, i);
                ps.setLong(3, first);
                ps.setInt(4, (int) Math.min(shardSize, population - first));
                ps.setLong(5, rank);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static Shard shard(ResultSet rs) throws SQLException {
        return new Shard(rs.getLong("id"), rs.getLong("job_id"), rs.getInt("shard_index"), rs.getLong("first_patient"),
                rs.getInt("patient_count"), ShardState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getString("lease_owner"), Transactions.instant(rs, "lease_expires_at"),
                Transactions.instant(rs, "completed_at"), rs.getInt("failures"),
                rs.getLong("not_before_ms") == 0 ? null : Instant.ofEpochMilli(rs.getLong("not_before_ms")),
                rs.getString("last_error"));
    }
}
