package org.patientgen.console.dashboard;

import java.util.List;

/**
 * The dashboard's tiles, in screen order (work in the first row, resources in the second), and the series each one charts. The jobs tile shows the
 * current count per state instead of a chart.
 */
public enum DashboardTile {
    PATIENTS("Patients per second", new ChartSeries(DashboardMetric.PATIENTS_PER_SECOND, SeriesRole.PRIMARY, "patients/s")),
    JOBS("Jobs by state"),
    QUEUE("Queue depth", new ChartSeries(DashboardMetric.QUEUE_DEPTH, SeriesRole.PRIMARY, "shards")),
    SHARDS("Shards in flight", new ChartSeries(DashboardMetric.SHARDS_IN_FLIGHT, SeriesRole.PRIMARY, "shards")),
    ERRORS("Errors, last hour", new ChartSeries(DashboardMetric.ERRORS_LAST_HOUR, SeriesRole.ALERT, "events")),
    POOL("Connection pool",
            new ChartSeries(DashboardMetric.POOL_ACTIVE, SeriesRole.PRIMARY, "active"),
            new ChartSeries(DashboardMetric.POOL_PENDING, SeriesRole.ALERT, "waiting"),
            new ChartSeries(DashboardMetric.POOL_MAX, SeriesRole.LIMIT, "max")),
    ACQUIRE("Pool wait p95",
            new ChartSeries(DashboardMetric.POOL_ACQUIRE_P95_MILLIS, SeriesRole.PRIMARY, "ms")),
    TIMEOUTS("Pool timeouts",
            new ChartSeries(DashboardMetric.POOL_TIMEOUTS_TOTAL, SeriesRole.ALERT, "since start")),
    HEAP("Heap",
            new ChartSeries(DashboardMetric.HEAP_USED_BYTES, SeriesRole.PRIMARY, "used"),
            new ChartSeries(DashboardMetric.HEAP_MAX_BYTES, SeriesRole.LIMIT, "max")),
    CPU("CPU", new ChartSeries(DashboardMetric.CPU_SHARE, SeriesRole.PRIMARY, "share"));

    /** How a series is drawn. */
    public enum SeriesRole {
        /** The tile's main figure: a line over a light fill. */
        PRIMARY,
        /** Something going wrong (waiting threads, timeouts, errors): a warning-coloured line. */
        ALERT,
        /** A ceiling (pool size, heap limit): a thin dashed line. */
        LIMIT
    }

    /** A charted figure, how it is drawn and its legend name. */
    public record ChartSeries(DashboardMetric metric, SeriesRole role, String name) {
    }

    private final String title;
    private final List<ChartSeries> series;

    DashboardTile(String title, ChartSeries... series) {
        this.title = title;
        this.series = List.of(series);
    }

    /** The tile's title. */
    public String title() {
        return title;
    }

    /** The series its chart draws, bottom layer first; empty for a tile without a chart. */
    public List<ChartSeries> series() {
        return series;
    }

    /** The id views and tests use, e.g. {@code tile-patients}. */
    public String id() {
        return "tile-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
