package org.patientgen.engine.metrics;

import org.patientgen.engine.api.MetricSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * The compact set of series persisted for trends: one row each per persist interval, named as in
 * the Prometheus scrape and tagged with the node, all taken from one snapshot. 28 rows a
 * minute per node.
 */
final class TrendSeries {
    /** A snapshot being persisted, with the patient rate over the whole persist interval. */
    record Point(MetricsSnapshot snapshot, double patientsPerSecondSinceLast) {
    }

    private record Series(String name, Map<String, String> tags, ToDoubleFunction<Point> value) {
    }

    private static final List<Series> SERIES = new ArrayList<>();

    static {
        add("patientgen_patients_generated_total", p -> p.snapshot.patientsGeneratedTotal());
        add("patientgen_patients_per_second", Point::patientsPerSecondSinceLast);
        for (JobState state : JobState.values()) {
            SERIES.add(new Series("patientgen_jobs", Map.of("state", state.name()), p -> p.snapshot.jobs(state)));
        }
        add("patientgen_queue_depth", p -> p.snapshot.queueDepth());
        add("patientgen_queue_oldest_wait_seconds", p -> p.snapshot.oldestQueuedWaitSeconds());
        add("patientgen_shards_in_flight", p -> p.snapshot.shardsInFlight());
        add("patientgen_shards_claimed_total", p -> p.snapshot.shardsClaimedTotal());
        add("patientgen_shards_completed_total", p -> p.snapshot.shardsCompletedTotal());
        add("patientgen_shards_failed_total", p -> p.snapshot.shardsFailedTotal());
        add("patientgen_shards_retried_total", p -> p.snapshot.shardsRetriedTotal());
        add("patientgen_workers_concurrency", p -> p.snapshot.workerConcurrency());
        add("patientgen_workers_busy", p -> p.snapshot.workersBusy());
        add("hikaricp_connections_active", p -> p.snapshot.poolActive());
        add("hikaricp_connections_idle", p -> p.snapshot.poolIdle());
        add("hikaricp_connections_pending", p -> p.snapshot.poolPending());
        add("hikaricp_connections_max", p -> p.snapshot.poolMax());
        SERIES.add(new Series("hikaricp_connections_acquire_seconds", Map.of("quantile", "0.95"),
                p -> p.snapshot.poolAcquireP95Millis() / 1000));
        add("hikaricp_connections_timeout_total", p -> p.snapshot.poolConnectionTimeoutsTotal());
        SERIES.add(new Series("jvm_memory_used_bytes", Map.of("area", "heap"), p -> p.snapshot.heapUsedBytes()));
        SERIES.add(new Series("jvm_memory_max_bytes", Map.of("area", "heap"), p -> p.snapshot.heapMaxBytes()));
        add("process_cpu_usage", p -> p.snapshot.processCpuLoad());
        add("patientgen_errors_last_hour", p -> p.snapshot.errorsLastHour());
    }

    private TrendSeries() {
    }

    private static void add(String name, ToDoubleFunction<Point> value) {
        SERIES.add(new Series(name, Map.of(), value));
    }

    /** The names of the persisted series, each once. */
    static List<String> names() {
        return SERIES.stream().map(Series::name).distinct().toList();
    }

    /** The rows to persist for {@code point}, each tagged {@code node}. */
    static List<MetricSample> samples(Point point, String node) {
        List<MetricSample> samples = new ArrayList<>(SERIES.size());
        for (Series s : SERIES) {
            Map<String, String> tags = new TreeMap<>(s.tags);
            tags.put("node", node);
            samples.add(new MetricSample(s.name, tags, point.snapshot.at(), s.value.applyAsDouble(point)));
        }
        return samples;
    }
}
