package org.patientgen.console.dashboard;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * A figure the dashboard shows: how it is read from a {@link MetricsSnapshot}, which persisted
 * trend series holds it (for the 24 h window), and how several servers' values combine in the
 * "all servers" view.
 *
 * <p><b>Combining servers</b> ({@link Rule}): rates, counts and amounts are <em>summed</em>
 * (patients/s, jobs, queue depth, shards in flight, pool connections, timeouts, heap, errors) —
 * the fleet's total; latencies, waits and CPU shares take the <em>maximum</em> (oldest queued
 * wait, acquire-time p95, CPU) — the worst server, since a sum or mean of percentiles or of shares
 * of different machines means nothing. Database figures (jobs, queue, shards in flight, oldest
 * wait) describe a server's database: servers of one scale-out cluster share it and report the
 * same figures, so add one node per cluster to the "all servers" view, not all of them.
 * Negative values (the JVM could not tell: CPU −1, heap max −1) are left out of both rules.
 */
public enum DashboardMetric {
    PATIENTS_PER_SECOND(Rule.SUM, "patientgen_patients_per_second", Map.of(), 1, MetricsSnapshot::patientsPerSecond),
    JOBS_WAITING(Rule.SUM, JobState.WAITING),
    JOBS_QUEUED(Rule.SUM, JobState.QUEUED),
    JOBS_RUNNING(Rule.SUM, JobState.RUNNING),
    JOBS_SUCCEEDED(Rule.SUM, JobState.SUCCEEDED),
    JOBS_FAILED(Rule.SUM, JobState.FAILED),
    JOBS_CANCELLED(Rule.SUM, JobState.CANCELLED),
    JOBS_SKIPPED(Rule.SUM, JobState.SKIPPED),
    QUEUE_DEPTH(Rule.SUM, "patientgen_queue_depth", Map.of(), 1, MetricsSnapshot::queueDepth),
    OLDEST_QUEUED_WAIT_SECONDS(Rule.MAX, "patientgen_queue_oldest_wait_seconds", Map.of(), 1,
            MetricsSnapshot::oldestQueuedWaitSeconds),
    SHARDS_IN_FLIGHT(Rule.SUM, "patientgen_shards_in_flight", Map.of(), 1, MetricsSnapshot::shardsInFlight),
    POOL_ACTIVE(Rule.SUM, "hikaricp_connections_active", Map.of(), 1, MetricsSnapshot::poolActive),
    POOL_IDLE(Rule.SUM, "hikaricp_connections_idle", Map.of(), 1, MetricsSnapshot::poolIdle),
    POOL_PENDING(Rule.SUM, "hikaricp_connections_pending", Map.of(), 1, MetricsSnapshot::poolPending),
    POOL_MAX(Rule.SUM, "hikaricp_connections_max", Map.of(), 1, MetricsSnapshot::poolMax),
    /** Persisted in seconds, shown in milliseconds. */
    POOL_ACQUIRE_P95_MILLIS(Rule.MAX, "hikaricp_connections_acquire_seconds", Map.of("quantile", "0.95"), 1000,
            MetricsSnapshot::poolAcquireP95Millis),
    POOL_TIMEOUTS_TOTAL(Rule.SUM, "hikaricp_connections_timeout_total", Map.of(), 1,
            MetricsSnapshot::poolConnectionTimeoutsTotal),
    HEAP_USED_BYTES(Rule.SUM, "jvm_memory_used_bytes", Map.of("area", "heap"), 1, MetricsSnapshot::heapUsedBytes),
    HEAP_MAX_BYTES(Rule.SUM, "jvm_memory_max_bytes", Map.of("area", "heap"), 1, MetricsSnapshot::heapMaxBytes),
    CPU_SHARE(Rule.MAX, "process_cpu_usage", Map.of(), 1, MetricsSnapshot::processCpuLoad),
    ERRORS_LAST_HOUR(Rule.SUM, "patientgen_errors_last_hour", Map.of(), 1, MetricsSnapshot::errorsLastHour);

    /** How the values of several servers at one instant become the "all servers" value. */
    public enum Rule {
        /** The total: rates, counts, amounts. */
        SUM,
        /** The worst server: latencies, waits, shares. */
        MAX;

        /** Combines {@code a} (NaN: none yet) with {@code b}; NaN and negative {@code b} are ignored. */
        double combine(double a, double b) {
            if (Double.isNaN(b) || b < 0) {
                return a;
            }
            if (Double.isNaN(a)) {
                return b;
            }
            return this == SUM ? a + b : Math.max(a, b);
        }
    }

    private static final DashboardMetric[] ALL = values();

    private final Rule rule;
    private final String trendName;
    private final Map<String, String> trendTags;
    private final double trendScale;
    private final ToDoubleFunction<MetricsSnapshot> read;

    DashboardMetric(Rule rule, String trendName, Map<String, String> trendTags, double trendScale,
                    ToDoubleFunction<MetricsSnapshot> read) {
        this.rule = rule;
        this.trendName = trendName;
        this.trendTags = trendTags;
        this.trendScale = trendScale;
        this.read = read;
    }

    DashboardMetric(Rule rule, JobState state) {
        this(rule, "patientgen_jobs", Map.of("state", state.name()), 1, s -> s.jobs(state));
    }

    /** How servers combine. */
    public Rule rule() {
        return rule;
    }

    /** The persisted series holding this figure (Prometheus name), for {@code metricTrend}. */
    public String trendName() {
        return trendName;
    }

    /** Whether a persisted sample (tags without {@code node}) is this figure's. */
    boolean matchesTrend(String name, Map<String, String> tags) {
        if (!trendName.equals(name)) {
            return false;
        }
        for (Map.Entry<String, String> e : trendTags.entrySet()) {
            if (!e.getValue().equals(tags.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A persisted value in this figure's unit (seconds become milliseconds for the acquire time). */
    double fromTrend(double value) {
        return value * trendScale;
    }

    /** This figure in {@code snapshot}. */
    public double read(MetricsSnapshot snapshot) {
        return read.applyAsDouble(snapshot);
    }

    /** Every figure of {@code snapshot}, indexed by {@link #ordinal()}. */
    static double[] readAll(MetricsSnapshot snapshot) {
        double[] values = new double[ALL.length];
        for (DashboardMetric m : ALL) {
            values[m.ordinal()] = m.read(snapshot);
        }
        return values;
    }

    /** The figures, in ordinal order (a shared array: do not change it). */
    static DashboardMetric[] all() {
        return ALL;
    }

    /** The jobs-by-state figure of {@code state}. */
    public static DashboardMetric jobs(JobState state) {
        return switch (state) {
            case WAITING -> JOBS_WAITING;
            case QUEUED -> JOBS_QUEUED;
            case RUNNING -> JOBS_RUNNING;
            case SUCCEEDED -> JOBS_SUCCEEDED;
            case FAILED -> JOBS_FAILED;
            case CANCELLED -> JOBS_CANCELLED;
            case SKIPPED -> JOBS_SKIPPED;
        };
    }
}
