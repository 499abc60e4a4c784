package org.patientgen.console.dashboard;

import java.util.Arrays;
import java.util.List;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * The "all servers" figures: several servers' values combined by each figure's
 * {@link DashboardMetric.Rule} (sums of rates and counts, maxima of latencies, waits and CPU
 * shares; see {@link DashboardMetric}).
 */
final class ServerAggregate {
    private ServerAggregate() {
    }

    /** The servers' latest snapshots combined, indexed by metric ordinal; NaN where none reported. */
    static double[] combine(List<MetricsSnapshot> snapshots) {
        double[] total = nanRow();
        for (MetricsSnapshot s : snapshots) {
            double[] row = DashboardMetric.readAll(s);
            for (DashboardMetric m : DashboardMetric.all()) {
                total[m.ordinal()] = m.rule().combine(total[m.ordinal()], row[m.ordinal()]);
            }
        }
        return total;
    }

    /**
     * Merges several servers' rows into one table: a row at every instant at which any server
     * reported, holding for each figure the combination of every server's latest value at that
     * instant — a step function, exact for sums and maxima. A server whose latest row is more than
     * {@code staleMillis} old at an instant is left out of it (it stopped answering), so a lost
     * server lowers a sum instead of freezing its last value in it.
     */
    static MetricColumns merge(List<MetricColumns> servers, long staleMillis) {
        int k = servers.size();
        int[] next = new int[k];
        int[] current = new int[k];
        int rows = 0;
        for (int s = 0; s < k; s++) {
            next[s] = servers.get(s).head();
            current[s] = -1;
            rows += servers.get(s).size();
        }
        MetricColumns merged = new MetricColumns(rows);
        double[] row = new double[DashboardMetric.all().length];
        while (true) {
            long t = Long.MAX_VALUE;
            for (int s = 0; s < k; s++) {
                MetricColumns c = servers.get(s);
                if (next[s] < c.tail() && c.times()[next[s]] < t) {
                    t = c.times()[next[s]];
                }
            }
            if (t == Long.MAX_VALUE) {
                return merged;
            }
            for (int s = 0; s < k; s++) {
                MetricColumns c = servers.get(s);
                if (next[s] < c.tail() && c.times()[next[s]] == t) {
                    current[s] = next[s]++;
                }
            }
            Arrays.fill(row, Double.NaN);
            for (int s = 0; s < k; s++) {
                MetricColumns c = servers.get(s);
                int i = current[s];
                if (i < 0 || t - c.times()[i] > staleMillis) {
                    continue;
                }
                for (DashboardMetric m : DashboardMetric.all()) {
                    row[m.ordinal()] = m.rule().combine(row[m.ordinal()], c.column(m)[i]);
                }
            }
            merged.append(t, row);
        }
    }

    private static double[] nanRow() {
        double[] row = new double[DashboardMetric.all().length];
        Arrays.fill(row, Double.NaN);
        return row;
    }
}
