package org.patientgen.engine.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.patientgen.engine.wire.Responses;

/**
 * The HTTP server's own meters, registered in the engine's registry so that {@code /metrics} is one
 * scrape of everything (engine, pool, JVM and HTTP) and nothing is measured twice:
 * <ul>
 *   <li>{@code patientgen_http_requests_seconds{method,route,status}}: every answered request by
 *       route template (not the concrete path, so ids do not multiply the series);</li>
 *   <li>{@code patientgen_http_latency_seconds{quantile}}: all requests together, with the 50th,
 *       95th and 99th percentiles computed in process over a rolling window of about a minute
 *       (HdrHistogram, 2 significant digits);</li>
 *   <li>{@code patientgen_events_sessions} and {@code patientgen_events_dropped_sessions_total}:
 *       WebSocket sessions open, and closed for falling behind.</li>
 * </ul>
 * {@link #read()} gives the headline figures as JSON for {@code GET /api/v1/metrics/http}: the
 * request rate over the last minute and the latency percentiles. They are not part of the engine's
 * {@link org.patientgen.engine.api.MetricsSnapshot}: an engine also runs without a server.
 *
 * <p>One server per engine: {@link #close()} removes these meters from the registry again.
 * Thread-safe.
 */
public final class HttpMeters implements AutoCloseable {
    static final String REQUESTS = "patientgen.http.requests";
    static final String LATENCY = "patientgen.http.latency";
    /** The request rate's window, and about the percentiles' rolling window. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Instant startedAt;
    private final Timer latency;
    private final Counter dropped;
    private final AtomicInteger sessions = new AtomicInteger();
    private final Gauge sessionsGauge;
    /** Timers by (method, route, status). */
    private final Map<List<String>, Timer> requests = new ConcurrentHashMap<>();
    private final LongAdder serverErrors = new LongAdder();
    private final RecentRequests recent = new RecentRequests((int) WINDOW.toSeconds());

    /**
     * @param registry the engine's registry ({@code engine.metrics().registry()})
     * @param clock    times the request rate
     */
    public HttpMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.latency = Timer.builder(LATENCY).description("HTTP requests of every route, for overall percentiles")
                .publishPercentiles(0.5, 0.95, 0.99).percentilePrecision(2)
                .distributionStatisticExpiry(WINDOW).distributionStatisticBufferLength(3)
                .register(registry);
        this.dropped = Counter.builder("patientgen.events.dropped.sessions")
                .description("WebSocket sessions closed because the client fell too far behind").register(registry);
        this.sessionsGauge = Gauge.builder("patientgen.events.sessions", sessions, AtomicInteger::get)
                .description("open WebSocket event sessions").register(registry);
    }

    /** Records one answered HTTP request; {@code route} is the route template or {@code unmatched}. */
    public void request(String method, String route, int status, Duration took) {
        requests.computeIfAbsent(List.of(method, route, Integer.toString(status)), key -> Timer.builder(REQUESTS)
                .description("HTTP requests by route and status").tag("method", key.get(0)).tag("route", key.get(1))
                .tag("status", key.get(2)).register(registry)).record(took);
        latency.record(took);
        if (status >= 500) {
            serverErrors.increment();
        }
        recent.add(clock.millis() / 1000);
    }

    /** Counts a WebSocket session opening ({@code +1}) or closing ({@code -1}). */
    public void sessions(int delta) {
        sessions.addAndGet(delta);
    }

    /** Counts a session closed for being too slow. */
    public void droppedSession() {
        dropped.increment();
    }

    /** The headline figures now. */
    public Responses.HttpMetrics read() {
        Instant now = clock.instant();
        long nowSecond = now.toEpochMilli() / 1000;
        Duration up = Duration.between(startedAt, now);
        double perSecond;
        if (up.compareTo(WINDOW) < 0) {
            // Younger than the window: everything since the start, over the time it has been up (at least 1 s).
            perSecond = recent.count(startedAt.toEpochMilli() / 1000, nowSecond) / Math.max(1.0, up.toMillis() / 1000.0);
        } else {
            perSecond = (double) recent.count(nowSecond - WINDOW.toSeconds() + 1, nowSecond) / WINDOW.toSeconds();
        }
        double p50 = 0;
        double p95 = 0;
        double p99 = 0;
        for (ValueAtPercentile p : latency.takeSnapshot().percentileValues()) {
            double ms = Double.isNaN(p.value()) ? 0 : p.value(TimeUnit.MILLISECONDS);
            if (p.percentile() == 0.5) {
                p50 = ms;
            } else if (p.percentile() == 0.95) {
                p95 = ms;
            } else if (p.percentile() == 0.99) {
                p99 = ms;
            }
        }
        return new Responses.HttpMetrics(now, latency.count(), perSecond, p50, p95, p99, serverErrors.sum(),
                sessions.get());
    }

    /** Removes these meters from the registry. */
    @Override
    public void close() {
        for (Meter m : requests.values()) {
            registry.remove(m);
        }
        requests.clear();
        registry.remove(latency);
        registry.remove(dropped);
        registry.remove(sessionsGauge);
    }

    /**
     * Requests per second over the last seconds: a ring of per-second counts, each slot remembering
     * which second it counts, so a slot is reused once its second has left the ring. Thread-safety:
     * {@code this} guards both arrays (a few nanoseconds per request).
     */
    static final class RecentRequests {
        private final long[] secondOf;
        private final long[] counts;

        RecentRequests(int size) {
            secondOf = new long[size];
            counts = new long[size];
            Arrays.fill(secondOf, Long.MIN_VALUE);
        }

        synchronized void add(long second) {
            int slot = (int) Math.floorMod(second, (long) counts.length);
            if (secondOf[slot] != second) {
                secondOf[slot] = second;
                counts[slot] = 0;
            }
            counts[slot]++;
        }

        /** Requests counted in seconds {@code from} to {@code to}, both included (within the ring's reach). */
        synchronized long count(long from, long to) {
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                if (secondOf[i] >= from && secondOf[i] <= to) {
                    total += counts[i];
                }
            }
            return total;
        }
    }
}
