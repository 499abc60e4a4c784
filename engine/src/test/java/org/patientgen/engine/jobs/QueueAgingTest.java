package org.patientgen.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Higher priority first, FIFO within a priority, and aging so that nothing starves; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class QueueAgingTest {
    static final Duration LEASE = Duration.ofMinutes(5);

    @Parameter
    Backend backend;

    StoreFixture db;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void higherPriorityFirstThenFirstComeFirstServed() throws Exception {
        JobStore jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        ShardQueue queue = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), db.clock);
        long lowOld = jobs.submit(Jobs.job(10, 10, 1));
        db.clock.advance(Duration.ofSeconds(1));
        long highOld = jobs.submit(Jobs.job(10, 10, 5));
        db.clock.advance(Duration.ofSeconds(1));
        long lowNew = jobs.submit(Jobs.job(10, 10, 1));
        db.clock.advance(Duration.ofSeconds(1));
        long highNew = jobs.submit(Jobs.job(20, 10, 5));

        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            order.add(queue.claim("node", LEASE).orElseThrow().jobId());
        }
        assertThat(order).containsExactly(highOld, highNew, highNew, lowOld, lowNew);
    }

    /**
     * Every minute a new priority-5 job arrives and one shard is claimed. With one level of aging
     * per 10 minutes, a priority-0 job submitted first is claimed after (5 − 0) × 10 = 50 minutes
     * of waiting, ahead of the newer high-priority jobs; without aging it never would be.
     */
    @Test
    void aLowPriorityJobEventuallyBeatsAStreamOfNewerHighPriorityOnes() throws Exception {
        assertThat(minutesUntilLowPriorityJobRuns(JobQueuePolicy.DEFAULT, 120)).isBetween(49, 52);
        assertThat(minutesUntilLowPriorityJobRuns(new JobQueuePolicy(Duration.ofDays(365)), 120)).isEqualTo(-1);
    }

    private int minutesUntilLowPriorityJobRuns(JobQueuePolicy policy, int minutes) throws Exception {
        try (StoreFixture fresh = StoreFixture.open(backend)) {
            JobStore jobs = new JobStore(fresh.pool.dataSource(), fresh.clock, policy);
            ShardQueue queue = new ShardQueue(fresh.pool.dataSource(), fresh.pool.dialect(), fresh.clock);
            long low = jobs.submit(Jobs.job(10, 10, 0));
            for (int minute = 1; minute <= minutes; minute++) {
                fresh.clock.advance(Duration.ofMinutes(1));
                jobs.submit(Jobs.job(10, 10, 5));
                ShardLease lease = queue.claim("node", LEASE).orElseThrow();
                if (lease.jobId() == low) {
                    return minute;
                }
                queue.complete(lease, 10);
            }
            return -1;
        }
    }

    @Test
    void effectivePriorityGrowsOneLevelPerAgingInterval() {
        JobQueuePolicy policy = new JobQueuePolicy(Duration.ofMinutes(10));
        assertThat(policy.effectivePriority(2, 0, Duration.ofMinutes(25).toMillis())).isEqualTo(4);
        assertThat(policy.rank(1_000_000, 2)).isEqualTo(1_000_000 - 2 * 600_000);
    }
}
