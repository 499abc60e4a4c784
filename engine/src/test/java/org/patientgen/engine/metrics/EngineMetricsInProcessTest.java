package org.patientgen.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.testing.MutableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** History bounds, subscribers, the sampler thread, the error window and JVM meters; no database. */
class EngineMetricsInProcessTest {
    static final Duration SECOND = Duration.ofSeconds(1);

    MutableClock clock = MutableClock.fixed();
    EngineMetrics metrics;

    @AfterEach
    void close() {
        if (metrics != null) {
            metrics.close();
        }
    }

    private EngineMetrics metrics(Duration sampleEvery, Duration historyWindow) {
        metrics = new EngineMetrics("node-a", new EngineMetrics.Settings(sampleEvery, historyWindow,
                Duration.ofMinutes(1), Duration.ofDays(30)), clock);
        return metrics;
    }

    private List<MetricsSnapshot> tickEvery(Duration step, int times) {
        for (int i = 0; i < times; i++) {
            clock.advance(step);
            metrics.tick();
        }
        return metrics.history(Duration.ofDays(1));
    }

    @Test
    void historyKeepsTheConfiguredWindowAndAnswersShorterOnes() {
        metrics(SECOND, Duration.ofSeconds(10));
        Instant t0 = clock.instant();

        List<MetricsSnapshot> kept = tickEvery(SECOND, 15);

        assertThat(kept).extracting(MetricsSnapshot::at)
                .containsExactly(times(t0, 6, 15));
        assertThat(metrics.history(Duration.ofSeconds(3))).extracting(MetricsSnapshot::at)
                .containsExactly(times(t0, 13, 15));
        assertThat(metrics.history(Duration.ZERO)).isEmpty();
        assertThat(metrics.snapshot()).isSameAs(kept.get(kept.size() - 1));
        assertThatThrownBy(() -> metrics.history(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historyIsBoundedBySampleCountWhenTicksComeFasterThanConfigured() {
        metrics(SECOND, Duration.ofSeconds(10)); // room for 10 snapshots
        Instant t0 = clock.instant();

        List<MetricsSnapshot> kept = tickEvery(Duration.ofMillis(100), 50);

        assertThat(kept).hasSize(10).extracting(MetricsSnapshot::at).endsWith(t0.plusMillis(5_000));
        assertThat(kept.get(0).at()).isEqualTo(t0.plusMillis(4_100));
    }

    private static Instant[] times(Instant t0, int fromSecond, int toSecond) {
        Instant[] times = new Instant[toSecond - fromSecond + 1];
        for (int s = fromSecond; s <= toSecond; s++) {
            times[s - fromSecond] = t0.plusSeconds(s);
        }
        return times;
    }

    @Test
    void aThrowingSubscriberNeitherStopsTheOthersNorTheSampler() {
        metrics(SECOND, Duration.ofMinutes(1));
        List<MetricsSnapshot> seen = new CopyOnWriteArrayList<>();
        metrics.subscribe(s -> {
            throw new IllegalStateException("broken chart");
        });
        EngineMetrics.Subscription subscription = metrics.subscribe(seen::add);
        metrics.subscribe(s -> {
            throw new AssertionError("also broken");
        });

        List<MetricsSnapshot> history = tickEvery(SECOND, 3);
        assertThat(seen).containsExactlyElementsOf(history);

        subscription.close();
        tickEvery(SECOND, 1);
        assertThat(seen).hasSize(3);
    }

    @Test
    void theSamplerTicksOnItsOwnDaemonThreadDespiteAThrowingSubscriber() throws Exception {
        metrics(Duration.ofMillis(20), Duration.ofMinutes(1));
        CountDownLatch three = new CountDownLatch(3);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        metrics.subscribe(s -> {
            throw new IllegalStateException("broken chart");
        });
        metrics.subscribe(s -> {
            threads.add(Thread.currentThread());
            three.countDown();
        });

        metrics.start();

        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).allSatisfy(t -> {
            assertThat(t.getName()).isEqualTo("patientgen-metrics-sampler");
            assertThat(t.isDaemon()).isTrue();
        });
        assertThatThrownBy(metrics::start).isInstanceOf(IllegalStateException.class);
        metrics.close();
        int after = threads.size();
        Thread.sleep(100);
        assertThat(threads).hasSize(after);
    }

    @Test
    void errorsLastHourCountsWarningsAndErrorsInASlidingHour() {
        metrics(SECOND, Duration.ofMinutes(1));
        long before = metrics.tick().errorsLastHour();
        Logger log = LoggerFactory.getLogger("org.patientgen.test.metrics");
        log.warn("first warning (expected by the test)");
        log.warn("second warning (expected by the test)");
        log.error("an error (expected by the test)");
        log.info("below the threshold, not counted");

        clock.advance(SECOND);
        assertThat(metrics.tick().errorsLastHour()).isEqualTo(before + 3);
        assertThat(metrics.scrape()).contains("logback_events_total{level=\"warn\"}");

        tickEvery(Duration.ofMinutes(1), 61);
        assertThat(metrics.snapshot().errorsLastHour()).isZero();
    }

    @Test
    void jvmMetersAreRegisteredAndTheSnapshotReadsThem() {
        metrics(SECOND, Duration.ofMinutes(1));

        MetricsSnapshot s = metrics.tick();

        assertThat(metrics.registry().get("jvm.threads.live").gauge().value()).isPositive();
        assertThat(metrics.registry().get("system.cpu.count").gauge().value())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(metrics.registry().get("jvm.classes.loaded").gauge().value()).isPositive();
        assertThat(metrics.registry().get("process.uptime").timeGauge().value()).isPositive();
        assertThat(metrics.registry().find("jvm.gc.memory.allocated").counter()).isNotNull();
        assertThat(s.heapUsedBytes()).isPositive();
        assertThat(s.heapMaxBytes()).isGreaterThanOrEqualTo(s.heapUsedBytes()).isLessThanOrEqualTo(2L << 30); // -Xmx2g
        assertThat(metrics.scrape()).contains("jvm_memory_used_bytes{area=\"heap\"")
                .contains("jvm_threads_live_threads ")
                .contains("process_cpu_usage ")
                .contains("process_uptime_seconds ")
                .contains("jvm_classes_loaded_classes ");
        // Nothing bound: job, queue, worker and pool figures are zero, every job state present.
        assertThat(s.jobsByState()).hasSize(JobState.values().length).allSatisfy((state, n) -> assertThat(n).isZero());
        assertThat(s.poolMax()).isZero();
        assertThat(s.workerConcurrency()).isZero();
        assertThatThrownBy(() -> metrics.trend("patientgen_jobs", Instant.EPOCH, clock.instant()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bindDatabase");
    }

    @Test
    void snapshotRecordFillsMissingStatesAndBoundsUtilisation() {
        MetricsSnapshot s = new MetricsSnapshot(clock.instant(), 0, 0, Map.of(JobState.RUNNING, 2L), 0, 0, 0, 0, 0,
                0, 0, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        assertThat(s.jobs(JobState.RUNNING)).isEqualTo(2);
        assertThat(s.jobs(JobState.QUEUED)).isZero();
        assertThat(s.workerUtilisation()).isEqualTo(1.0); // 3 busy after concurrency was lowered to 2
        assertThatThrownBy(() -> s.jobsByState().put(JobState.QUEUED, 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void persistedTagsSurviveAnyCharacterInANodeName() {
        Map<String, String> tags = Map.of("node", "rack 1, node=a%b", "state", "QUEUED");

        String stored = MetricHistoryStore.encode(tags);

        assertThat(stored).isEqualTo("node=rack+1%2C+node%3Da%25b,state=QUEUED");
        assertThat(MetricHistoryStore.decode(stored)).isEqualTo(tags);
        assertThat(MetricHistoryStore.decode("")).isEmpty();
    }

    @Test
    void settingsAreValidatedWithAnActionableMessage() {
        assertThatThrownBy(() -> new EngineMetrics.Settings(Duration.ofMillis(5), Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofDays(30))).hasMessageContaining("at least 10 ms");
        assertThatThrownBy(() -> new EngineMetrics.Settings(Duration.ofMillis(10), Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofDays(30))).hasMessageContaining("100000 samples");
        assertThatThrownBy(() -> new EngineMetrics.Settings(SECOND, Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofSeconds(30))).hasMessageContaining("retention");
        assertThat(EngineMetrics.Settings.defaults()).isEqualTo(new EngineMetrics.Settings(SECOND,
                Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(30)));
    }
}
