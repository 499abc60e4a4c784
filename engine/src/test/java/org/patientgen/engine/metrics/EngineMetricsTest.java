package org.patientgen.engine.metrics;

import org.patientgen.engine.api.MetricSample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.jobs.JobQueuePolicy;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.jobs.ShardQueue;
import org.patientgen.engine.jobs.ShardRequests;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.testing.Await;
import org.patientgen.engine.testing.MutableClock;
import org.patientgen.engine.testing.Populations;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Job, queue, worker and pool metrics from a real database and real workers; persistence; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class EngineMetricsTest {
    static final Duration LEASE = Duration.ofSeconds(30);

    @Parameter
    Backend backend;

    @TempDir
    Path temp;

    MutableClock clock = MutableClock.fixed();
    EngineMetrics metrics;
    StoreFixture db;
    JobStore jobs;
    ShardQueue queue;
    ShardWorkers workers;

    @BeforeEach
    void open() throws Exception {
        metrics = new EngineMetrics("node-a", new EngineMetrics.Settings(Duration.ofSeconds(1), Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofMinutes(10)), clock);
        db = StoreFixture.open(backend, clock, metrics.registry());
        metrics.bindDatabase(db.pool.dataSource());
        jobs = new JobStore(db.pool.dataSource(), clock, JobQueuePolicy.DEFAULT);
        queue = new ShardQueue(db.pool.dataSource(), db.pool.dialect(), clock);
    }

    @AfterEach
    void close() {
        if (workers != null) {
            workers.close();
        }
        db.close();
        metrics.close();
    }

    private JobSubmission job(String dir, long population, int shardSize) {
        GenerationSpec spec = new GenerationSpec(population, 42, "MA", Populations.END_DATE, 10,
                List.of("fhir-ndjson"), "", temp.resolve(dir).toString(), shardSize);
        return new JobSubmission(spec, 0, "alice", Map.of());
    }

    private void startWorkers(int concurrency) {
        workers = new ShardWorkers("node-a", queue, jobs, new ShardRequests(1, Populations::builtInModules),
                new ShardWorkers.Settings(LEASE, Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofSeconds(10)),
                clock, metrics.shardEvents());
        metrics.bindWorkers(workers);
        workers.setConcurrency(concurrency);
    }

    /** Shards claimed, completed, retried, failed. */
    private static List<Long> shardCounts(MetricsSnapshot s) {
        return List.of(s.shardsClaimedTotal(), s.shardsCompletedTotal(), s.shardsRetriedTotal(), s.shardsFailedTotal());
    }

    @Test
    void jobAndQueueGaugesAreReadAtEachTickNotAtEachScrape() throws Exception {
        long first = jobs.submit(job("a", 60, 20));           // 3 shards
        clock.advance(Duration.ofSeconds(30));
        jobs.submit(job("b", 40, 20));                         // 2 shards
        clock.advance(Duration.ofSeconds(60));

        MetricsSnapshot s = metrics.tick();
        assertThat(s.jobsByState()).containsEntry(JobState.QUEUED, 2L).containsEntry(JobState.RUNNING, 0L)
                .containsEntry(JobState.SUCCEEDED, 0L).hasSize(JobState.values().length);
        assertThat(s.queueDepth()).isEqualTo(5);
        assertThat(s.shardsInFlight()).isZero();
        assertThat(s.oldestQueuedWaitSeconds()).isEqualTo(90.0);
        assertThat(metrics.scrape()).contains("patientgen_jobs{state=\"QUEUED\"} 2")
                .contains("patientgen_jobs{state=\"CANCELLED\"} 0")
                .contains("patientgen_queue_depth 5")
                .contains("patientgen_queue_oldest_wait_seconds 90")
                .contains("hikaricp_connections_max{pool=\"test\"} 8");

        jobs.submit(job("c", 20, 20));
        assertThat(metrics.scrape()).as("a scrape shows the last tick").contains("patientgen_jobs{state=\"QUEUED\"} 2");

        ShardLease running = queue.claim("node-x", LEASE).orElseThrow(); // first job, shard 0
        ShardLease failing = queue.claim("node-x", LEASE).orElseThrow(); // first job, shard 1
        queue.fail(failing, "disk full");                               // backs off 10 s (default policy)
        s = metrics.tick();
        assertThat(s.jobs(JobState.QUEUED)).isEqualTo(2);
        assertThat(s.jobs(JobState.RUNNING)).isEqualTo(1);
        assertThat(s.shardsInFlight()).isEqualTo(1);
        assertThat(s.queueDepth()).isEqualTo(4);                          // b: 2, c: 1, first: 1 ready
        assertThat(s.oldestQueuedWaitSeconds()).isEqualTo(60.0);         // b, queued 30 s after the first
        assertThat(metrics.scrape()).contains("patientgen_queue_backing_off 1")
                .contains("patientgen_shards_in_flight 1");
        assertThat(running.jobId()).isEqualTo(first);

        clock.advance(LEASE.plusSeconds(1)); // the backoff is over and the lease expired: both claimable
        s = metrics.tick();
        assertThat(s.shardsInFlight()).isZero();
        assertThat(s.queueDepth()).isEqualTo(6);
        assertThat(metrics.scrape()).contains("patientgen_queue_backing_off 0");
    }

    @Test
    void workerCountersAndRatesAfterASmallJobRunsThroughShardWorkers() throws Exception {
        MetricsSnapshot before = metrics.tick();
        assertThat(before.patientsGeneratedTotal()).isZero();
        startWorkers(2);
        long id = jobs.submit(job("job", 60, 20));
        Await.jobState(jobs, id, JobState.SUCCEEDED);

        clock.advance(Duration.ofSeconds(2));
        MetricsSnapshot s = metrics.tick();

        assertThat(s.patientsGeneratedTotal()).isEqualTo(60);
        assertThat(s.patientsPerSecond()).isEqualTo(30.0);
        assertThat(shardCounts(s)).containsExactly(3L, 3L, 0L, 0L);
        assertThat(s.jobs(JobState.SUCCEEDED)).isEqualTo(1);
        assertThat(s.workerConcurrency()).isEqualTo(2);
        assertThat(s.workersBusy()).isZero();
        assertThat(s.workerUtilisation()).isZero();
        assertThat(s.poolMax()).isEqualTo(8);
        assertThat(s.poolActive() + s.poolIdle()).isBetween(1, 8);
        assertThat(s.poolAcquireP95Millis()).isPositive().isLessThan(30_000);
        assertThat(s.poolConnectionTimeoutsTotal()).isZero();
        assertThat(s.heapUsedBytes()).isPositive();
        assertThat(s.processCpuLoad()).isBetween(-1.0, 1.0);
        assertThat(metrics.scrape()).contains("patientgen_shards_claimed_total 3")
                .contains("patientgen_shards_completed_total 3")
                .contains("patientgen_shards_failed_total 0")
                .contains("patientgen_patients_generated_total 60")
                .contains("patientgen_patients_per_second 30")
                .contains("patientgen_workers_concurrency 2")
                .contains("patientgen_workers_busy 0")
                .contains("hikaricp_connections_acquire_seconds_bucket{pool=\"test\",le=\"1.0E-4\"}")
                .contains("hikaricp_connections_acquire_seconds_bucket{pool=\"test\",le=\"30.0\"}")
                .contains("hikaricp_connections_timeout_total{pool=\"test\"} 0");
        assertThat(metrics.scrape().lines().filter(l -> l.startsWith("hikaricp_connections_acquire_seconds_bucket{")))
                .as("17 bounds and +Inf").hasSize(18);
    }

    @Test
    void aFailedAttemptCountsAsRetriedAndTheOneThatUsesUpTheAttemptsAsFailed() throws Exception {
        Path stray = ShardRequests.shardDirectory(temp.resolve("job"), 0).resolve("not-ours.txt");
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, "left by someone else");
        long id = jobs.submit(job("job", 20, 20).withRetry(new RetryPolicy(2, Duration.ofSeconds(10),
                Duration.ofSeconds(10))));
        startWorkers(1);

        Await.until(() -> jobs.failures(id).size() == 1);
        assertThat(metrics.tick().shardsRetriedTotal()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10)); // the backoff ends; the second attempt fails for good
        Await.jobState(jobs, id, JobState.FAILED);

        MetricsSnapshot s = metrics.tick();
        assertThat(shardCounts(s)).containsExactly(2L, 0L, 1L, 1L);
        assertThat(s.patientsGeneratedTotal()).isZero();
        assertThat(s.jobs(JobState.FAILED)).isEqualTo(1);
        assertThat(metrics.scrape()).contains("patientgen_shards_retried_total 1")
                .contains("patientgen_shards_failed_total 1")
                .contains("patientgen_jobs{state=\"FAILED\"} 1");
    }

    @Test
    void trendSeriesArePersistedEveryIntervalReadBackAndPrunedPastRetention() throws Exception {
        jobs.submit(job("a", 20, 20));
        Instant t0 = clock.instant();
        metrics.tick(); // the first tick starts the persistence interval; nothing is written yet
        assertThat(metrics.trend("patientgen_jobs", t0, t0.plus(Duration.ofDays(1)))).isEmpty();

        metrics.shardEvents().patientsGenerated(null, 120);
        clock.advance(Duration.ofSeconds(60));
        metrics.tick();
        Instant t1 = clock.instant();

        assertThat(metrics.trend("patientgen_patients_generated_total", t0, t1.plusSeconds(1)))
                .containsExactly(new MetricSample("patientgen_patients_generated_total", Map.of("node", "node-a"), t1,
                        120));
        assertThat(metrics.trend("patientgen_patients_per_second", t0, t1.plusSeconds(1)))
                .extracting(MetricSample::value).containsExactly(2.0);
        List<MetricSample> jobsByState = metrics.trend("patientgen_jobs", t0, t1.plusSeconds(1));
        assertThat(jobsByState).extracting(m -> m.tags().get("state"))
                .containsExactly("CANCELLED", "FAILED", "QUEUED", "RUNNING", "SKIPPED", "SUCCEEDED", "WAITING");
        assertThat(jobsByState).extracting(MetricSample::value).containsExactly(0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0);
        assertThat(metrics.trend("patientgen_jobs", t0, t1)).as("the end is exclusive").isEmpty();

        clock.advance(Duration.ofSeconds(30));
        metrics.tick(); // not due
        clock.advance(Duration.ofSeconds(30));
        metrics.tick();
        Instant t2 = clock.instant();
        assertThat(metrics.trend("patientgen_queue_depth", t0, t2.plusSeconds(1)))
                .extracting(MetricSample::at).containsExactly(t1, t2);
        assertThat(metrics.trend("patientgen_patients_per_second", t2, t2.plusSeconds(1)))
                .extracting(MetricSample::value).containsExactly(0.0);

        clock.advance(Duration.ofMinutes(10)); // retention is 10 minutes: t1 is now older, t2 exactly as old
        metrics.tick();
        Instant t3 = clock.instant();
        assertThat(metrics.trend("patientgen_queue_depth", t0, t3.plusSeconds(1)))
                .extracting(MetricSample::at).containsExactly(t2, t3);
        assertThat(rowsRecordedAt(t1)).isZero();
        assertThat(rowsRecordedAt(t2)).isEqualTo(rowsRecordedAt(t3)).isEqualTo(TrendSeries.samples(
                new TrendSeries.Point(metrics.snapshot(), 0), "node-a").size());
    }

    private int rowsRecordedAt(Instant at) throws Exception {
        try (Connection c = db.pool.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT recorded_at FROM metric_history")) {
            int n = 0;
            while (rs.next()) {
                if (rs.getObject(1, java.time.OffsetDateTime.class).toInstant().equals(at)) {
                    n++;
                }
            }
            return n;
        }
    }

    @Test
    void bindingTwiceIsRefused() {
        assertThatThrownBy(() -> metrics.bindDatabase(db.pool.dataSource()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already bound");
    }
}
