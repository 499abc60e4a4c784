package org.patientgen.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.ShardCompletion;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/**
 * Race loop: several threads claim and complete concurrently; no shard is ever held twice, none
 * is lost, and each job succeeds exactly once.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ShardClaimRaceTest {
    static final int THREADS = 6;
    static final int JOBS = 4;
    static final int SHARDS_PER_JOB = 25;

    @Parameter
    Backend backend;

    StoreFixture db;
    ExecutorService workers;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
        workers = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        workers.shutdownNow();
        assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        db.close();
    }

    @RepeatedTest(3)
    void concurrentClaimersNeverGetTheSameShard() throws Exception {
        JobStore jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        ShardQueue queue = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), db.clock);
        List<Long> jobIds = new ArrayList<>();
        for (int j = 0; j < JOBS; j++) {
            jobIds.add(jobs.submit(Jobs.job(SHARDS_PER_JOB * 10L, 10, j % 2)));
        }
        ConcurrentLinkedQueue<ShardLease> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String node = "node-" + t;
            Callable<Integer> worker = () -> {
                start.await();
                int completed = 0;
                for (Optional<ShardLease> lease = queue.claim(node, Duration.ofMinutes(5)); lease.isPresent();
                     lease = queue.claim(node, Duration.ofMinutes(5))) {
                    claimed.add(lease.get());
                    assertThat(queue.complete(lease.get(), lease.get().patientCount()))
                            .isEqualTo(ShardCompletion.RECORDED);
                    completed++;
                }
                return completed;
            };
            results.add(workers.submit(worker));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> r : results) {
            total += r.get(2, TimeUnit.MINUTES);
        }

        Set<Long> distinct = new HashSet<>();
        claimed.forEach(l -> distinct.add(l.shardId()));
        assertThat(claimed).hasSize(JOBS * SHARDS_PER_JOB);
        assertThat(distinct).hasSize(JOBS * SHARDS_PER_JOB);
        assertThat(total).isEqualTo(JOBS * SHARDS_PER_JOB);
        for (long id : jobIds) {
            assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(jobs.transitions(id)).extracting(JobTransition::to)
                    .containsExactly(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        }
    }
}
