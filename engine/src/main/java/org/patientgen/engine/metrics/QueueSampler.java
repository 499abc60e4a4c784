package org.patientgen.engine.metrics;

import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;

/**
 * Reads the job and queue figures in two queries, so a scrape never touches the database: one
 * grouped count over {@code jobs} (with the oldest queued time), one conditional count over the
 * pending and leased shards, which the claim index {@code (state, …)} narrows to the live part of
 * the table.
 */
final class QueueSampler {
    private static final String JOBS = "SELECT state, COUNT(*), MIN(enqueued_ms) FROM jobs GROUP BY state";
    /** The claimable condition is the claim's own (see ShardQueue): pending past not-before, or leased and expired. */
    private static final String SHARDS = "SELECT"
            + " COUNT(CASE WHEN state = 'PENDING' AND not_before_ms <= ? THEN 1 END),"
            + " COUNT(CASE WHEN state = 'LEASED' AND lease_expires_at < ? THEN 1 END),"
            + " COUNT(CASE WHEN state = 'PENDING' AND not_before_ms > ? THEN 1 END),"
            + " COUNT(CASE WHEN state = 'LEASED' AND lease_expires_at >= ? THEN 1 END)"
            + " FROM shards WHERE state IN ('PENDING', 'LEASED')";

    private final Transactions tx;

    private record StateCount(JobState state, long count, long oldestEnqueuedMs) {
    }

    QueueSampler(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /** The figures as of {@code now} (the engine's clock, as the queue judges leases and backoffs). */
    QueueSample sample(Instant now) throws SQLException {
        long nowMs = now.toEpochMilli();
        Object nowTs = Transactions.timestamp(now);
        return tx.run(c -> {
            Map<JobState, Long> jobs = new EnumMap<>(JobState.class);
            double oldestWait = 0;
            for (StateCount row : Rows.list(c, JOBS, rs -> new StateCount(JobState.valueOf(rs.getString(1)),
                    rs.getLong(2), rs.getLong(3)))) {
                jobs.put(row.state, row.count);
                if (row.state == JobState.QUEUED) {
                    oldestWait = Math.max(0, nowMs - row.oldestEnqueuedMs) / 1000.0;
                }
            }
            long[] shards = Rows.list(c, SHARDS, rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                    rs.getLong(4)}, nowMs, nowTs, nowMs, nowTs).get(0);
            return new QueueSample(jobs, shards[0] + shards[1], shards[2], shards[3], oldestWait);
        });
    }
}
