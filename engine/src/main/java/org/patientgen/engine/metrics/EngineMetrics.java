package org.patientgen.engine.metrics;

import org.patientgen.engine.api.MetricSample;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.jobs.ShardEvents;
import org.patientgen.engine.jobs.ShardWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's metrics: one Micrometer registry in the Prometheus format with HikariCP's pool meters,
 * the job system's gauges and counters and the JVM's; a snapshot every second kept as an hour of
 * in-process history for live charts and handed to subscribers; and a compact set of series
 * persisted every minute to {@code metric_history} for trends.
 *
 * <p>Wiring (the pool needs the registry before the metrics can read the database):
 * <pre>{@code
 * EngineMetrics metrics = new EngineMetrics(node, EngineMetrics.Settings.defaults(), clock);
 * ConnectionPool pool = ConnectionPool.open(target, poolSettings, clock, metrics.registry());
 * metrics.bindDatabase(pool.dataSource());
 * ShardWorkers workers = new ShardWorkers(node, queue, jobs, requests, workerSettings, clock, metrics.shardEvents());
 * metrics.bindWorkers(workers);
 * metrics.start();
 * }</pre>
 *
 * <p><b>Sampling.</b> Gauges read from the database (jobs by state, queue depth and age, shards in
 * flight) never query on a scrape: they show what the last {@link #tick} read in two queries.
 * {@link #start} ticks every {@link Settings#sampleEvery()} on the daemon thread
 * {@code patientgen-metrics-sampler}; tests call {@link #tick} with a hand-moved clock instead. A
 * tick reads the database, builds a {@link MetricsSnapshot}, adds it to the history, calls the
 * subscribers, and, every {@link Settings#persistEvery()}, writes the trend series and prunes rows
 * older than {@link Settings#retention()}. A failing database keeps the last values and is logged.
 *
 * <p>Thread-safety: {@code sampleLock} guards the sampling state (previous snapshot, error
 * window, persistence schedule) and serialises ticks; subscribers are called after it is released.
 * Bindings are volatile and set once.
 */
public final class EngineMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);
    /** Most snapshots the history may hold, whatever the settings: about 60 MB at worst. */
    public static final int MAX_HISTORY_SNAPSHOTS = 100_000;
    private static final Duration ERROR_WINDOW = Duration.ofHours(1);
    private static final Duration ERROR_WINDOW_STEP = Duration.ofMinutes(1);
    /** Upper bounds of the connection acquire time buckets, ms. */
    static final double[] ACQUIRE_BUCKETS_MS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500,
        5_000, 10_000, 30_000};

    /**
     * How often and how long metrics are kept.
     *
     * @param sampleEvery   how often a snapshot is taken (and the database gauges read); at least 10 ms
     * @param historyWindow how much in-process history to keep; at least {@code sampleEvery}, at most
     *                      {@link #MAX_HISTORY_SNAPSHOTS} samples
     * @param persistEvery  how often the trend series are written to {@code metric_history}; at least
     *                      {@code sampleEvery}
     * @param retention     persisted rows older than this are deleted; at least {@code persistEvery}
     */
    public record Settings(Duration sampleEvery, Duration historyWindow, Duration persistEvery, Duration retention) {
        public Settings {
            Objects.requireNonNull(sampleEvery, "sampleEvery");
            Objects.requireNonNull(historyWindow, "historyWindow");
            Objects.requireNonNull(persistEvery, "persistEvery");
            Objects.requireNonNull(retention, "retention");
            if (sampleEvery.toMillis() < 10) {
                throw new IllegalArgumentException("sampleEvery must be at least 10 ms, was " + sampleEvery);
            }
            if (historyWindow.compareTo(sampleEvery) < 0
                    || historyWindow.toMillis() / sampleEvery.toMillis() > MAX_HISTORY_SNAPSHOTS) {
                throw new IllegalArgumentException("historyWindow (" + historyWindow + ") must hold between 1 and "
                        + MAX_HISTORY_SNAPSHOTS + " samples of " + sampleEvery + "; shorten it or sample less often");
            }
            if (persistEvery.compareTo(sampleEvery) < 0) {
                throw new IllegalArgumentException("persistEvery (" + persistEvery + ") must not be shorter than"
                        + " sampleEvery (" + sampleEvery + ")");
            }
            if (retention.compareTo(persistEvery) < 0) {
                throw new IllegalArgumentException("retention (" + retention + ") must not be shorter than"
                        + " persistEvery (" + persistEvery + "), or every persisted row would be pruned at once");
            }
        }

        /** A snapshot every second, an hour of history, persisted every minute, kept 30 days. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofDays(30));
        }
    }

    /** A subscription to snapshots; closing it stops the calls. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final String node;
    private final Settings settings;
    private final Clock clock;
    private final PrometheusMeterRegistry registry;
    private final WorkerCounters counters;
    private final List<AutoCloseable> binders = new CopyOnWriteArrayList<>();
    private final SnapshotHistory history;
    private final Subscribers subscribers = new Subscribers();
    private final Object sampleLock = new Object();

    private volatile QueueSampler sampler;
    private volatile TrendRecorder trends;
    private volatile ShardWorkers workers;
    private volatile QueueSample queue = QueueSample.EMPTY;
    private volatile MetricsSnapshot latest;

    /** The error window. Guarded by {@code sampleLock}. */
    private final RecentCount errors;
    /** Whether the last database read failed (to log a failure streak once). Guarded by {@code sampleLock}. */
    private boolean databaseFailing;
    /** Guarded by {@code this}. */
    private ScheduledThreadPoolExecutor executor;
    /** Guarded by {@code this}. */
    private boolean closed;

    /**
     * Creates the registry with the JVM meters and this node's worker counters; nothing runs until
     * {@link #start}.
     *
     * @param node     this node's name (tags the persisted series; use the workers' node name)
     * @param settings sampling, history and persistence
     * @param clock    times snapshots, queue waits, history and persistence
     */
    public EngineMetrics(String node, Settings settings, Clock clock) {
        this.node = Objects.requireNonNull(node, "node");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Before any meter exists: filters apply to meters registered after them only.
        registry.config().meterFilter(acquirePercentiles());
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), new ClassLoaderMetrics())) {
            binder.bindTo(registry);
            if (binder instanceof AutoCloseable closeable) {
                binders.add(closeable);
            }
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            LogbackMetrics events = new LogbackMetrics(List.of(), logback);
            events.bindTo(registry);
            binders.add(events);
        }
        this.counters = new WorkerCounters(registry);
        long capacity = (settings.historyWindow().toMillis() + settings.sampleEvery().toMillis() - 1)
                / settings.sampleEvery().toMillis();
        this.history = new SnapshotHistory(settings.historyWindow(), (int) capacity);
        this.errors = new RecentCount(ERROR_WINDOW, ERROR_WINDOW_STEP, clock.instant(), errorEvents());
        Gauge.builder("patientgen.patients.per.second", () -> latestOr(MetricsSnapshot::patientsPerSecond))
                .description("patients generated per second on this node, over the last sample interval")
                .register(registry);
        Gauge.builder("patientgen.errors.last.hour", () -> latestOr(MetricsSnapshot::errorsLastHour))
                .description("WARN and ERROR log events in this process in about the last hour")
                .register(registry);
    }

    /**
     * Distribution statistics for HikariCP's acquire timer, which asks for none. Two, for two readers:
     * <ul>
     *   <li>17 histogram buckets from 100 µs to 30 s ({@link #ACQUIRE_BUCKETS_MS}: a 1–2.5–5 series, not
     *       Micrometer's default of about 80), exported to Prometheus, where
     *       {@code histogram_quantile(0.95, sum by (le) (rate(hikaricp_connections_acquire_seconds_bucket[5m])))}
     *       gives a percentile that can also be aggregated across nodes;</li>
     *   <li>a 95th percentile computed in process (HdrHistogram, 2 significant digits, over a rolling
     *       window of about a minute) for {@link MetricsSnapshot#poolAcquireP95Millis()}. Prometheus does
     *       not get it: a metric family is a histogram or a summary, not both, and the buckets are the
     *       one that aggregates.</li>
     * </ul>
     */
    private static MeterFilter acquirePercentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!MeterReadings.ACQUIRE_TIMER.equals(id.getName())) {
                    return config;
                }
                double[] bucketsNanos = new double[ACQUIRE_BUCKETS_MS.length];
                for (int i = 0; i < bucketsNanos.length; i++) {
                    bucketsNanos[i] = ACQUIRE_BUCKETS_MS[i] * 1_000_000;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(MeterReadings.ACQUIRE_PERCENTILE)
                        .percentilePrecision(2)
                        .serviceLevelObjectives(bucketsNanos)
                        .expiry(Duration.ofMinutes(1))
                        .bufferLength(3)
                        .build()
                        .merge(config);
            }
        };
    }

    /** The registry: give it to {@code ConnectionPool.open}; scrape it with {@link #scrape}. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** The listener that counts this node's shard work; give it to the {@link ShardWorkers} constructor. */
    public ShardEvents shardEvents() {
        return counters;
    }

    /**
     * Reads job and queue gauges from this database at every tick and persists trend series to it.
     *
     * @throws IllegalStateException if a database is already bound
     */
    public void bindDatabase(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        synchronized (sampleLock) {
            if (sampler != null) {
                throw new IllegalStateException("a database is already bound to these metrics");
            }
            sampler = new QueueSampler(dataSource);
            trends = new TrendRecorder(dataSource, node, settings.persistEvery(), settings.retention());
        }
        for (JobState state : JobState.values()) {
            Gauge.builder("patientgen.jobs", () -> queue.jobs(state)).tag("state", state.name())
                    .description("jobs in each state (whole database)").register(registry);
        }
        Gauge.builder("patientgen.queue.depth", () -> queue.queueDepth())
                .description("shards claimable now: pending past any backoff, or leased with an expired lease")
                .register(registry);
        Gauge.builder("patientgen.queue.backing.off", () -> queue.backingOff())
                .description("pending shards waiting out a retry backoff").register(registry);
        Gauge.builder("patientgen.queue.oldest.wait", () -> queue.oldestQueuedWaitSeconds()).baseUnit("seconds")
                .description("how long the longest-waiting queued job has waited").register(registry);
        Gauge.builder("patientgen.shards.in.flight", () -> queue.inFlight())
                .description("shards leased under a lease that has not expired (any node)").register(registry);
    }

    /**
     * Publishes this node's worker concurrency, busy workers and utilisation.
     *
     * @throws IllegalStateException if workers are already bound
     */
    public void bindWorkers(ShardWorkers shardWorkers) {
        Objects.requireNonNull(shardWorkers, "shardWorkers");
        synchronized (sampleLock) {
            if (workers != null) {
                throw new IllegalStateException("workers are already bound to these metrics");
            }
            workers = shardWorkers;
        }
        Gauge.builder("patientgen.workers.concurrency", shardWorkers::concurrency)
                .description("workers this node is set to run").register(registry);
        Gauge.builder("patientgen.workers.busy", shardWorkers::runningShards)
                .description("shards running on this node").register(registry);
        Gauge.builder("patientgen.workers.utilisation", () -> utilisation(shardWorkers))
                .description("busy workers / max(concurrency, busy), 0 to 1").register(registry);
    }

    private static double utilisation(ShardWorkers w) {
        int busy = w.runningShards();
        int of = Math.max(w.concurrency(), busy);
        return of == 0 ? 0 : (double) busy / of;
    }

    /**
     * Takes a snapshot every {@link Settings#sampleEvery()} on a daemon thread, the first at once.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized void start() {
        if (closed || executor != null) {
            throw new IllegalStateException(closed ? "metrics are closed" : "metrics sampler already started");
        }
        // One thread; nothing else is ever submitted, so rejection (abort) can only follow close().
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "patientgen-metrics-sampler");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        long every = settings.sampleEvery().toMillis();
        executor.scheduleAtFixedRate(this::tickSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException | Error e) {
            // Anything escaping would cancel every later run of a scheduled task.
            rethrowIfFatal(e);
            LOG.warn("metrics sample failed; the next one runs as scheduled", e);
        }
    }

    /**
     * Takes a snapshot now: reads the database gauges, adds the snapshot to the history, calls the
     * subscribers, and persists the trend series when due. {@link #start} calls this on its thread;
     * tests call it directly.
     *
     * @return the snapshot
     */
    public MetricsSnapshot tick() {
        MetricsSnapshot snapshot;
        TrendSeries.Point due;
        TrendRecorder recorder = trends;
        synchronized (sampleLock) {
            Instant now = clock.instant();
            readDatabase(now);
            snapshot = build(now);
            latest = snapshot;
            history.add(snapshot);
            due = recorder == null ? null : recorder.due(snapshot);
        }
        subscribers.publish(snapshot);
        if (due != null) {
            recorder.persist(due);
        }
        return snapshot;
    }

    /** Caller holds {@code sampleLock}. */
    private void readDatabase(Instant now) {
        QueueSampler s = sampler;
        if (s == null) {
            return;
        }
        try {
            queue = s.sample(now);
            if (databaseFailing) {
                LOG.info("metrics can read the database again");
            }
            databaseFailing = false;
        } catch (SQLException | RuntimeException e) {
            if (!databaseFailing) {
                LOG.warn("metrics cannot read the database; job and queue gauges keep their last values: {}",
                        e.toString());
            }
            databaseFailing = true;
        }
    }

    /** Caller holds {@code sampleLock}. */
    private MetricsSnapshot build(Instant now) {
        long patients = (long) counters.patients.count();
        MetricsSnapshot previous = latest;
        double rate = 0;
        if (previous != null && now.isAfter(previous.at())) {
            rate = (patients - previous.patientsGeneratedTotal()) * 1000.0
                    / Duration.between(previous.at(), now).toMillis();
        }
        ShardWorkers w = workers;
        QueueSample q = queue;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new MetricsSnapshot(now, patients, rate, q.jobsByState(), q.queueDepth(),
                q.oldestQueuedWaitSeconds(), q.inFlight(),
                (long) counters.claimed.count(), (long) counters.completed.count(), (long) counters.failed.count(),
                (long) counters.retried.count(),
                w == null ? 0 : w.concurrency(), w == null ? 0 : w.runningShards(),
                MeterReadings.gaugeSum(registry, "hikaricp.connections.active"),
                MeterReadings.gaugeSum(registry, "hikaricp.connections.idle"),
                MeterReadings.gaugeSum(registry, "hikaricp.connections.pending"),
                MeterReadings.gaugeSum(registry, "hikaricp.connections.max"),
                MeterReadings.acquireP95Millis(registry),
                MeterReadings.counterSum(registry, "hikaricp.connections.timeout", null, null),
                heap.getUsed(), heap.getMax(),
                MeterReadings.processCpu(registry),
                errors.update(now, errorEvents()));
    }

    private long errorEvents() {
        return MeterReadings.counterSum(registry, "logback.events", "level", "warn")
                + MeterReadings.counterSum(registry, "logback.events", "level", "error");
    }

    static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }

    private double latestOr(ToDoubleFunction<MetricsSnapshot> value) {
        MetricsSnapshot s = latest;
        return s == null ? 0 : value.applyAsDouble(s);
    }

    /** The latest snapshot; takes one if none was taken yet. */
    public MetricsSnapshot snapshot() {
        MetricsSnapshot s = latest;
        return s != null ? s : tick();
    }

    /**
     * The snapshots taken in the last {@code window} (after now − window, by the clock), oldest
     * first; at most the configured history window.
     */
    public List<MetricsSnapshot> history(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative, was " + window);
        }
        return history.since(clock.instant().minus(window));
    }

    /**
     * Calls {@code listener} with every snapshot, on the thread that takes it (the sampler's, once
     * started), after the snapshot is in the history. Keep it short: the next sample waits. A
     * listener that throws is logged and stays subscribed; the others are still called.
     */
    public Subscription subscribe(Consumer<MetricsSnapshot> listener) {
        return subscribers.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Persisted values of a series ({@code metric_history}), recorded at or after {@code from} and
     * before {@code to}, by time then tags. Names as in the scrape, e.g. {@code patientgen_jobs}
     * (one sample per state and time) or {@code patientgen_patients_per_second}; see docs/jobs.md.
     *
     * @throws IllegalStateException if no database is bound
     */
    public List<MetricSample> trend(String metricName, Instant from, Instant to) throws SQLException {
        TrendRecorder t = trends;
        if (t == null) {
            throw new IllegalStateException("no database bound to these metrics; call bindDatabase first");
        }
        return t.read(metricName, from, to);
    }

    /** Stops the sampler (letting a running tick finish), unbinds the JVM and log meters and closes the registry. */
    @Override
    public void close() {
        ScheduledThreadPoolExecutor running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = executor;
        }
        if (running != null) {
            // No interrupt: an interrupted H2 query can close the database file under the engine.
            running.shutdown();
            try {
                if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("metrics sampler still running 10 s after close");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribers.clear();
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                LOG.debug("closing metrics binder {} failed: {}", binder, e.toString());
            }
        }
        registry.close();
    }
}
