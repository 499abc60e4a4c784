package org.patientgen.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.search.Search;
import java.util.concurrent.TimeUnit;

/**
 * Reads the values a snapshot takes from meters others registered (HikariCP, the JVM binders,
 * Logback), by name, summed over their tags. A missing meter reads as 0, so a snapshot works with
 * or without a pool.
 */
final class MeterReadings {
    /** HikariCP's borrow timer; {@link EngineMetrics} configures its percentile. */
    static final String ACQUIRE_TIMER = "hikaricp.connections.acquire";
    static final double ACQUIRE_PERCENTILE = 0.95;

    private MeterReadings() {
    }

    /** The sum of the gauges named {@code name}, as an int (pool sizes); NaN gauges count 0. */
    static int gaugeSum(MeterRegistry registry, String name) {
        double sum = 0;
        for (Gauge g : registry.find(name).gauges()) {
            double v = g.value();
            if (!Double.isNaN(v)) {
                sum += v;
            }
        }
        return (int) sum;
    }

    /**
     * The sum of the counters named {@code name} with tag {@code key=value} ({@code key} null: all),
     * plain or function counters (Logback's are function counters).
     */
    static long counterSum(MeterRegistry registry, String name, String key, String value) {
        Search search = key == null ? registry.find(name) : registry.find(name).tag(key, value);
        double sum = 0;
        for (Counter c : search.counters()) {
            sum += c.count();
        }
        for (FunctionCounter c : search.functionCounters()) {
            sum += c.count();
        }
        return (long) sum;
    }

    /** The largest 95th percentile of HikariCP's acquire timers over their rolling window, ms; 0 when none. */
    static double acquireP95Millis(MeterRegistry registry) {
        double max = 0;
        for (Timer t : registry.find(ACQUIRE_TIMER).timers()) {
            for (ValueAtPercentile p : t.takeSnapshot().percentileValues()) {
                if (p.percentile() == ACQUIRE_PERCENTILE && !Double.isNaN(p.value())) {
                    max = Math.max(max, p.value(TimeUnit.MILLISECONDS));
                }
            }
        }
        return max;
    }

    /** The process's CPU share (Micrometer's {@code process.cpu.usage}), 0–1; −1 when unknown. */
    static double processCpu(MeterRegistry registry) {
        Gauge g = registry.find("process.cpu.usage").gauge();
        double v = g == null ? Double.NaN : g.value();
        return Double.isNaN(v) || v < 0 ? -1 : Math.min(1, v);
    }
}
