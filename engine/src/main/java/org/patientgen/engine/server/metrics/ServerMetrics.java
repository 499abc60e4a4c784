package org.patientgen.engine.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.wire.Responses.MetricsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's metrics: JVM and process metrics, the node's workers and connection pool, HTTP
 * requests by route and status, WebSocket sessions. Served as Prometheus text ({@code /metrics}),
 * and sampled once a second into a {@link MetricsSnapshot} of the headline values for the JSON API,
 * its short history and the WebSocket {@code metrics} topic.
 *
 * <p>The registry may be passed in (so an engine-wide registry, e.g. one that also carries
 * HikariCP's own meters, is served as is) or is created here.
 */
public final class ServerMetrics implements AutoCloseable {
    /** Snapshots kept for the history: ten minutes at one a second. */
    public static final int HISTORY = 600;
    private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);

    private final PrometheusMeterRegistry registry;
    private final Clock clock;
    private final Map<String, ToDoubleFunction<ServerMetrics>> headline = new LinkedHashMap<>();
    private final Deque<MetricsSnapshot> history = new ArrayDeque<>();
    private final List<Consumer<MetricsSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final Counter dropped;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private ScheduledExecutorService sampler;

    public ServerMetrics(PrometheusMeterRegistry registry, Engine engine, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        ConnectionPool pool = engine.pool();
        gauge("patientgen.workers.concurrency", "shards this node runs at once", engine, e -> e.workers().concurrency());
        gauge("patientgen.workers.active", "worker threads alive", engine, e -> e.workers().activeWorkers());
        gauge("patientgen.shards.running", "shards running on this node", engine, e -> e.workers().runningShards());
        gauge("patientgen.pool.connections.active", "connections in use", pool, p -> p.usage().active());
        gauge("patientgen.pool.connections.idle", "idle connections", pool, p -> p.usage().idle());
        gauge("patientgen.pool.connections.waiting", "threads waiting for a connection", pool, p -> p.usage().pending());
        gauge("patientgen.pool.connections.max", "the pool's maximum size", pool, p -> p.usage().max());
        Gauge.builder("patientgen.events.sessions", sessions, AtomicInteger::get)
                .description("open WebSocket event sessions").register(registry);
        dropped = Counter.builder("patientgen.events.dropped.sessions")
                .description("WebSocket sessions closed because the client fell too far behind").register(registry);
        headline.put("workers.concurrency", m -> m.value("patientgen.workers.concurrency"));
        headline.put("workers.active", m -> m.value("patientgen.workers.active"));
        headline.put("shards.running", m -> m.value("patientgen.shards.running"));
        headline.put("pool.active", m -> m.value("patientgen.pool.connections.active"));
        headline.put("pool.idle", m -> m.value("patientgen.pool.connections.idle"));
        headline.put("pool.waiting", m -> m.value("patientgen.pool.connections.waiting"));
        headline.put("pool.max", m -> m.value("patientgen.pool.connections.max"));
        headline.put("http.requests", m -> m.timerCount("patientgen.http.requests"));
        headline.put("events.sessions", m -> m.sessions.get());
        headline.put("jvm.heap.used.bytes", m -> m.sum("jvm.memory.used", "area", "heap"));
        headline.put("process.cpu.usage", m -> m.value("process.cpu.usage"));
    }

    private <T> void gauge(String name, String description, T target, ToDoubleFunction<T> value) {
        Gauge.builder(name, target, value).description(description).register(registry);
    }

    /** Records one HTTP request. */
    public void request(String method, String route, int status, Duration took) {
        Timer.builder("patientgen.http.requests").description("HTTP requests by route and status")
                .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                .register(registry).record(took);
    }

    /** Counts a WebSocket session opening ({@code +1}) or closing ({@code -1}). */
    public void sessions(int delta) {
        sessions.addAndGet(delta);
    }

    /** Counts a session closed for being too slow. */
    public void droppedSession() {
        dropped.increment();
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for other meters. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The headline values now. */
    public MetricsSnapshot snapshot() {
        Map<String, Double> values = new LinkedHashMap<>();
        headline.forEach((name, f) -> values.put(name, f.applyAsDouble(this)));
        return new MetricsSnapshot(clock.instant(), values);
    }

    /** Snapshots of the last {@code span} (at most {@link #HISTORY} seconds), oldest first. */
    public List<MetricsSnapshot> history(Duration span) {
        Instant from = clock.instant().minus(span);
        synchronized (history) {
            return history.stream().filter(s -> !s.at().isBefore(from)).toList();
        }
    }

    /** Calls {@code listener} with each new sample until the returned handle runs. */
    public Runnable onSample(Consumer<MetricsSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Starts sampling every {@code interval}. */
    public synchronized void start(Duration interval) {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "patientgen-metrics-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            MetricsSnapshot s = snapshot();
            synchronized (history) {
                history.addLast(s);
                while (history.size() > HISTORY) {
                    history.removeFirst();
                }
            }
            for (Consumer<MetricsSnapshot> l : listeners) {
                l.accept(s);
            }
        } catch (RuntimeException e) {
            LOG.warn("metrics sample failed: {}", e.toString());
        }
    }

    private double value(String name) {
        Gauge g = registry.find(name).gauge();
        return g == null ? Double.NaN : g.value();
    }

    private double sum(String name, String tag, String value) {
        double total = 0;
        for (Gauge g : registry.find(name).tag(tag, value).gauges()) {
            total += g.value();
        }
        return total;
    }

    private double timerCount(String name) {
        double total = 0;
        for (Meter m : new ArrayList<>(registry.find(name).meters())) {
            if (m instanceof Timer t) {
                total += t.count();
            }
        }
        return total;
    }

    @Override
    public synchronized void close() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
        gc.close();
        listeners.clear();
    }
}
