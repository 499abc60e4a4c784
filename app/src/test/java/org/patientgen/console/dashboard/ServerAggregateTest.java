package org.patientgen.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.console.dashboard.MetricsFakes.snapshot;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.MetricsSnapshot;

/** The "all servers" rule: sums of rates, counts and amounts; maxima of waits, latencies and CPU. */
class ServerAggregateTest {
    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void sumsRatesAndCountsAndTakesTheWorstLatencyWaitAndCpu() {
        MetricsSnapshot a = snapshot(T, 1200, 2, 5, 30, 3, 10, 0.8, 1, 300L << 20, 0.50, 2);
        MetricsSnapshot b = snapshot(T, 800, 1, 7, 90, 4, 20, 4.0, 0, 200L << 20, 0.95, 0);
        MetricsSnapshot c = snapshot(T, 0, 0, 0, 0, 0, 10, 0.1, 5, 100L << 20, 0.10, 1);
        double[] all = ServerAggregate.combine(List.of(a, b, c));

        assertThat(all[DashboardMetric.PATIENTS_PER_SECOND.ordinal()]).isEqualTo(2000);
        assertThat(all[DashboardMetric.JOBS_RUNNING.ordinal()]).isEqualTo(3);
        assertThat(all[DashboardMetric.JOBS_QUEUED.ordinal()]).isEqualTo(3);
        assertThat(all[DashboardMetric.QUEUE_DEPTH.ordinal()]).isEqualTo(12);
        assertThat(all[DashboardMetric.SHARDS_IN_FLIGHT.ordinal()]).isEqualTo(3);
        assertThat(all[DashboardMetric.POOL_ACTIVE.ordinal()]).isEqualTo(7);
        assertThat(all[DashboardMetric.POOL_MAX.ordinal()]).isEqualTo(40);
        assertThat(all[DashboardMetric.POOL_TIMEOUTS_TOTAL.ordinal()]).isEqualTo(6);
        assertThat(all[DashboardMetric.HEAP_USED_BYTES.ordinal()]).isEqualTo(600L << 20);
        assertThat(all[DashboardMetric.HEAP_MAX_BYTES.ordinal()]).isEqualTo(3L << 30);
        assertThat(all[DashboardMetric.ERRORS_LAST_HOUR.ordinal()]).isEqualTo(3);

        assertThat(all[DashboardMetric.OLDEST_QUEUED_WAIT_SECONDS.ordinal()]).isEqualTo(90);
        assertThat(all[DashboardMetric.POOL_ACQUIRE_P95_MILLIS.ordinal()]).isEqualTo(4.0);
        assertThat(all[DashboardMetric.CPU_SHARE.ordinal()]).isEqualTo(0.95);
    }

    @Test
    void figuresAJvmCouldNotTellAreLeftOut() {
        MetricsSnapshot known = snapshot(T, 1, 0, 0, 0, 0, 10, 0, 0, 1, 0.3, 0);
        MetricsSnapshot unknown = new MetricsSnapshot(T, 0, 1, java.util.Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 5, -1, -1, 0);
        double[] all = ServerAggregate.combine(List.of(known, unknown));
        assertThat(all[DashboardMetric.CPU_SHARE.ordinal()]).isEqualTo(0.3);
        assertThat(all[DashboardMetric.HEAP_MAX_BYTES.ordinal()]).isEqualTo(1L << 30);
        assertThat(ServerAggregate.combine(List.of(unknown))[DashboardMetric.CPU_SHARE.ordinal()]).isNaN();
        assertThat(ServerAggregate.combine(List.of())[DashboardMetric.PATIENTS_PER_SECOND.ordinal()]).isNaN();
    }

    @Test
    void mergedSeriesHoldEachServersLatestValueAndDropAServerThatWentQuiet() {
        MetricColumns a = columns(new long[] {0, 1000, 2000, 3000}, new double[] {10, 10, 10, 10});
        MetricColumns b = columns(new long[] {500, 1500}, new double[] {5, 7});
        MetricColumns merged = ServerAggregate.merge(List.of(a, b), 1200);
        double[] rate = merged.column(DashboardMetric.PATIENTS_PER_SECOND);
        long[] times = merged.times();
        assertThat(java.util.Arrays.copyOfRange(times, merged.head(), merged.tail()))
                .containsExactly(0, 500, 1000, 1500, 2000, 3000);
        assertThat(java.util.Arrays.copyOfRange(rate, merged.head(), merged.tail()))
                // b joins at 500; at 3000 its last value (1500) is 1500 ms old: left out.
                .containsExactly(10, 15, 15, 17, 17, 10);
    }

    @Test
    void mergedMaximaForLatencies() {
        MetricColumns a = columns(new long[] {0, 1000}, new double[] {1, 1}, DashboardMetric.POOL_ACQUIRE_P95_MILLIS);
        MetricColumns b = columns(new long[] {0, 1000}, new double[] {3, 0.5}, DashboardMetric.POOL_ACQUIRE_P95_MILLIS);
        MetricColumns merged = ServerAggregate.merge(List.of(a, b), 5000);
        double[] p95 = merged.column(DashboardMetric.POOL_ACQUIRE_P95_MILLIS);
        assertThat(java.util.Arrays.copyOfRange(p95, merged.head(), merged.tail())).containsExactly(3, 1);
    }

    private static MetricColumns columns(long[] times, double[] values) {
        return columns(times, values, DashboardMetric.PATIENTS_PER_SECOND);
    }

    private static MetricColumns columns(long[] times, double[] values, DashboardMetric metric) {
        MetricColumns c = new MetricColumns(times.length);
        for (int i = 0; i < times.length; i++) {
            double[] row = new double[DashboardMetric.all().length];
            java.util.Arrays.fill(row, Double.NaN);
            row[metric.ordinal()] = values[i];
            c.append(times[i], row);
        }
        return c;
    }
}
