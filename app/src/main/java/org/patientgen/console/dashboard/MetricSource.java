package org.patientgen.console.dashboard;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.patientgen.console.connection.Connection;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.MetricSample;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * One connection's figures as the dashboard keeps them: the 1 s snapshots of up to the last hour
 * (history read on connect, then each {@link MetricsSampled} event), and for the day window the
 * persisted trend points before them.
 *
 * <p>Thread-safety: events arrive on the service's thread ({@link #accept} appends and returns at
 * once), history is loaded by background tasks, and frames are built by a background task; all of
 * them go through {@code lock}, which guards {@code live}, {@code trend}, {@code latest} and the
 * status. No listener is called while holding it.
 */
final class MetricSource implements Consumer<EngineEvent> {
    /** Where a source stands, for the dashboard's empty states. */
    enum Status {
        /** Connecting or reading history. */
        CONNECTING,
        /** Receiving snapshots. */
        READY,
        /** The connection or a read failed; {@link #failure()} says why. */
        FAILED
    }

    private final Connection connection;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final MetricColumns live = new MetricColumns(4096);
    /** Guarded by {@link #lock}; empty unless the day window's trends were read. */
    private MetricColumns trend = new MetricColumns(16);
    /** Guarded by {@link #lock}. */
    private MetricsSnapshot latest;
    /** Guarded by {@link #lock}. */
    private Status status = Status.CONNECTING;
    /** Guarded by {@link #lock}. */
    private String failure = "";

    MetricSource(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    Connection connection() {
        return connection;
    }

    /** Receives a metrics event (on the service's thread): appended at once, nothing else. */
    @Override
    public void accept(EngineEvent event) {
        if (event instanceof MetricsSampled sampled) {
            add(sampled.snapshot());
        }
    }

    /** Adds one snapshot (ignored when not newer than the last) and forgets what is over an hour old. */
    void add(MetricsSnapshot snapshot) {
        long at = snapshot.at().toEpochMilli();
        double[] row = DashboardMetric.readAll(snapshot);
        synchronized (lock) {
            if (live.append(at, row)) {
                latest = snapshot;
                live.trimBefore(at - TimeWindow.LIVE_HISTORY.toMillis() - 60_000);
            }
        }
    }

    /**
     * Merges snapshots read from the engine's history (oldest first) with those already received:
     * events that arrived while the history was read are kept after it.
     */
    void addHistory(List<MetricsSnapshot> history) {
        if (history.isEmpty()) {
            return;
        }
        MetricColumns merged = new MetricColumns(history.size() + 64);
        for (MetricsSnapshot s : history) {
            merged.append(s.at().toEpochMilli(), DashboardMetric.readAll(s));
        }
        MetricsSnapshot newest = history.get(history.size() - 1);
        synchronized (lock) {
            long[] times = live.times();
            for (int i = live.head(); i < live.tail(); i++) {
                if (times[i] > merged.lastTime()) {
                    double[] row = new double[DashboardMetric.all().length];
                    for (DashboardMetric m : DashboardMetric.all()) {
                        row[m.ordinal()] = live.column(m)[i];
                    }
                    merged.append(times[i], row);
                }
            }
            if (latest == null || newest.at().isAfter(latest.at())) {
                latest = newest;
            }
            live.clear();
            for (int i = merged.head(); i < merged.tail(); i++) {
                double[] row = new double[DashboardMetric.all().length];
                for (DashboardMetric m : DashboardMetric.all()) {
                    row[m.ordinal()] = merged.column(m)[i];
                }
                live.append(merged.times()[i], row);
            }
        }
    }

    /**
     * Replaces the trend points with persisted samples of {@code node} (other nodes sharing the
     * database are left out), one row per recorded instant.
     */
    void setTrend(List<MetricSample> samples, String node) {
        TreeMap<Instant, double[]> rows = new TreeMap<>();
        for (MetricSample s : samples) {
            if (!node.equals(s.tags().get("node"))) {
                continue;
            }
            for (DashboardMetric m : DashboardMetric.all()) {
                if (m.matchesTrend(s.name(), s.tags())) {
                    rows.computeIfAbsent(s.at(), at -> nanRow())[m.ordinal()] = m.fromTrend(s.value());
                }
            }
        }
        MetricColumns columns = new MetricColumns(rows.size());
        rows.forEach((at, row) -> columns.append(at.toEpochMilli(), row));
        synchronized (lock) {
            trend = columns;
        }
    }

    private static double[] nanRow() {
        double[] row = new double[DashboardMetric.all().length];
        Arrays.fill(row, Double.NaN);
        return row;
    }

    void connected() {
        synchronized (lock) {
            status = Status.READY;
            failure = "";
        }
    }

    void failed(String reason) {
        synchronized (lock) {
            status = Status.FAILED;
            failure = reason;
        }
    }

    Status status() {
        synchronized (lock) {
            return status;
        }
    }

    String failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** The newest snapshot, or {@code null} before any. */
    MetricsSnapshot latest() {
        synchronized (lock) {
            return latest;
        }
    }

    /**
     * The rows from {@code start} on, as a copy: for the day window the trend points before the
     * first 1 s sample, then the 1 s samples.
     */
    MetricColumns copySince(long start, boolean withTrend) {
        synchronized (lock) {
            List<Segment> segments = segmentsSince(start, withTrend);
            MetricColumns copy = new MetricColumns(segments.stream().mapToInt(Segment::size).sum());
            for (Segment segment : segments) {
                copyRows(segment.columns(), segment.from(), segment.to(), copy);
            }
            return copy;
        }
    }

    /**
     * Runs {@code reader} under the lock on the rows from {@code start} on, without copying them (for
     * a single source; the reader must not keep the segments): for the day window the trend points
     * before the first 1 s sample, then the 1 s samples.
     */
    <T> T readSince(long start, boolean withTrend, Function<List<Segment>, T> reader) {
        synchronized (lock) {
            return reader.apply(segmentsSince(start, withTrend));
        }
    }

    /** Guarded by {@link #lock}. */
    private List<Segment> segmentsSince(long start, boolean withTrend) {
        Segment recent = new Segment(live, live.indexAtOrAfter(start), live.tail());
        if (!withTrend) {
            return List.of(recent);
        }
        Segment older = new Segment(trend, trend.indexAtOrAfter(start), trend.indexAtOrAfter(live.firstTime()));
        return List.of(older, recent);
    }

    private static void copyRows(MetricColumns from, int start, int end, MetricColumns to) {
        double[] row = new double[DashboardMetric.all().length];
        long[] times = from.times();
        for (int i = start; i < end; i++) {
            for (DashboardMetric m : DashboardMetric.all()) {
                row[m.ordinal()] = from.column(m)[i];
            }
            to.append(times[i], row);
        }
    }

    /** Rows {@code [from, to)} of {@code columns}. */
    record Segment(MetricColumns columns, int from, int to) {
        int size() {
            return Math.max(0, to - from);
        }
    }
}
