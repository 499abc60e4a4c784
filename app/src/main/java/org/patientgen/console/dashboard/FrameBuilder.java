package org.patientgen.console.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.dashboard.DashboardFrame.ChartData;
import org.patientgen.console.dashboard.DashboardFrame.Level;
import org.patientgen.console.dashboard.DashboardFrame.SeriesData;
import org.patientgen.console.dashboard.DashboardFrame.TileReading;
import org.patientgen.console.jobs.JobFormat;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * Builds a {@link DashboardFrame} from the sources' figures: combines servers, decimates every
 * chart to its pixel columns and formats the texts. Runs on a background thread once a second; the
 * UI thread then only sets texts and draws.
 */
final class FrameBuilder {
    /** A server whose newest snapshot is older than this is called out as not answering. */
    static final Duration STALE = Duration.ofSeconds(10);
    private static final Set<DashboardMetric> CHARTED = charted();

    private FrameBuilder() {
    }

    private static Set<DashboardMetric> charted() {
        Set<DashboardMetric> metrics = EnumSet.noneOf(DashboardMetric.class);
        for (DashboardTile tile : DashboardTile.values()) {
            tile.series().forEach(s -> metrics.add(s.metric()));
        }
        return metrics;
    }

    /**
     * The frame for {@code sources} (one connection, or every connection in the "all servers" view)
     * at {@code now}, with charts of {@code columns} pixel columns.
     */
    static DashboardFrame build(List<MetricSource> sources, TimeWindow window, Instant now, int columns, String scope) {
        long end = now.toEpochMilli();
        long start = end - window.length().toMillis();
        List<MetricsSnapshot> fresh = new ArrayList<>();
        List<MetricsSnapshot> all = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (MetricSource source : sources) {
            MetricsSnapshot latest = source.latest();
            String name = source.connection().name();
            if (latest == null) {
                if (source.status() == MetricSource.Status.FAILED) {
                    leftOut.add(name + " (" + source.failure() + ")");
                } else if (sources.size() > 1) {
                    leftOut.add(name + " (connecting)");
                }
                continue;
            }
            all.add(latest);
            long age = end - latest.at().toEpochMilli();
            if (age > STALE.toMillis()) {
                leftOut.add(name + " (silent for " + JobFormat.duration(Duration.ofMillis(age)) + ")");
            } else {
                fresh.add(latest);
            }
        }
        String notice = leftOut.isEmpty() ? ""
                : sources.size() > 1 ? "Not included: " + String.join("; ", leftOut)
                : "No new figures from " + leftOut.get(0) + ": the tiles show the last ones.";
        if (all.isEmpty()) {
            // The empty state says it all.
            return new DashboardFrame(now, window, scope, Map.of(), Map.of(), emptyState(sources), "", null);
        }
        double[] current = ServerAggregate.combine(fresh.isEmpty() ? all : fresh);
        Instant lastData = all.stream().map(MetricsSnapshot::at).max(Instant::compareTo).orElse(null);
        Map<DashboardMetric, DecimatedSeries> series = decimate(sources, window, start, end, columns);
        Map<JobState, Long> jobs = new EnumMap<>(JobState.class);
        for (JobState state : JobState.values()) {
            jobs.put(state, Math.round(value(current, DashboardMetric.jobs(state))));
        }
        Map<DashboardTile, TileReading> tiles = new EnumMap<>(DashboardTile.class);
        for (DashboardTile tile : DashboardTile.values()) {
            tiles.put(tile, reading(tile, current, series, window, columns, sources.size() > 1));
        }
        return new DashboardFrame(now, window, scope, tiles, jobs, "", notice, lastData);
    }

    private static String emptyState(List<MetricSource> sources) {
        if (sources.isEmpty()) {
            return "No connection to show. Choose one in the server switcher at the top.";
        }
        if (sources.size() == 1) {
            MetricSource source = sources.get(0);
            String name = source.connection().name();
            return switch (source.status()) {
                case CONNECTING -> source.connection().kind() == ConnectionKind.LOCAL
                        ? "Starting the local engine… The charts appear with its first figures, a second after it is up."
                        : "Connecting to " + name + "… The charts appear with its first figures.";
                case FAILED -> "Cannot read figures from " + name + ": " + sentence(source.failure())
                        + " Check its health in the header, or choose another connection.";
                case READY -> "Waiting for the first figures from " + name + ": they arrive every second.";
            };
        }
        if (sources.stream().allMatch(s -> s.status() == MetricSource.Status.FAILED)) {
            return "No server answered. Check their health in the server switcher, or show only the active"
                    + " connection.";
        }
        return "Waiting for the first figures from " + sources.size() + " servers: they arrive every second.";
    }

    /** {@code text} ending with a full stop. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /** Every charted figure over the window, decimated; for several servers from their merged rows. */
    static Map<DashboardMetric, DecimatedSeries> decimate(List<MetricSource> sources, TimeWindow window, long start,
                                                          long end, int columns) {
        if (sources.size() == 1) {
            // One server (the common case): its rows are read in place, without copying up to a day
            // of them every second; the day window's trend points and 1 s samples are two segments.
            return sources.get(0).readSince(start, window.fromTrends(), segments -> {
                Map<DashboardMetric, DecimatedSeries> result = null;
                long previousEnd = Long.MIN_VALUE;
                for (MetricSource.Segment s : segments) {
                    if (s.size() == 0) {
                        continue;
                    }
                    Map<DashboardMetric, DecimatedSeries> part = decimate(s.columns(), s.from(), s.to(), start, end,
                            columns, window.maxGapMillis());
                    if (result == null) {
                        result = part;
                    } else {
                        boolean gap = s.columns().times()[s.from()] - previousEnd > window.maxGapMillis();
                        for (DashboardMetric m : CHARTED) {
                            result.put(m, result.get(m).followedBy(part.get(m), gap));
                        }
                    }
                    previousEnd = s.columns().times()[s.to() - 1];
                }
                MetricColumns none = new MetricColumns(1);
                return result != null ? result : decimate(none, 0, 0, start, end, columns, window.maxGapMillis());
            });
        }
        List<MetricColumns> copies = new ArrayList<>();
        for (MetricSource source : sources) {
            copies.add(source.copySince(start, window.fromTrends()));
        }
        MetricColumns rows = copies.size() == 1 ? copies.get(0) : ServerAggregate.merge(copies, window.maxGapMillis());
        return decimate(rows, rows.head(), rows.tail(), start, end, columns, window.maxGapMillis());
    }

    /** The charted figures of rows {@code [from, to)} of {@code rows}, decimated to {@code columns}. */
    static Map<DashboardMetric, DecimatedSeries> decimate(MetricColumns rows, int from, int to, long start, long end,
                                                          int columns, long maxGapMillis) {
        Map<DashboardMetric, DecimatedSeries> result = new EnumMap<>(DashboardMetric.class);
        for (DashboardMetric metric : CHARTED) {
            result.put(metric, Decimator.decimate(rows.times(), rows.column(metric), from, to, start, end, columns,
                    maxGapMillis));
        }
        return result;
    }

    private static double value(double[] current, DashboardMetric metric) {
        return current[metric.ordinal()];
    }

    private static TileReading reading(DashboardTile tile, double[] now, Map<DashboardMetric, DecimatedSeries> series,
                                       TimeWindow window, int columns, boolean several) {
        ChartData chart = tile.series().isEmpty() ? null : chart(tile, series, window, columns);
        String within = window.within();
        return switch (tile) {
            case PATIENTS -> {
                double rate = value(now, DashboardMetric.PATIENTS_PER_SECOND);
                double peak = series.get(DashboardMetric.PATIENTS_PER_SECOND).max();
                boolean idle = !(rate > 0) && !(value(now, DashboardMetric.JOBS_RUNNING) > 0);
                yield TileReading.of(DashboardFormat.rate(rate), idle && !(peak > 0)
                        ? "No job running: submit one on the Jobs screen"
                        : "peak " + DashboardFormat.rate(orZero(peak)) + " " + within, Level.NORMAL, chart);
            }
            // Failed jobs show in their red bar; colouring the running count would blame the wrong figure.
            case JOBS -> TileReading.of(DashboardFormat.count(value(now, DashboardMetric.JOBS_RUNNING)) + " running",
                    "", Level.NORMAL, null);
            case QUEUE -> {
                double wait = value(now, DashboardMetric.OLDEST_QUEUED_WAIT_SECONDS);
                yield TileReading.of(DashboardFormat.count(value(now, DashboardMetric.QUEUE_DEPTH)),
                        wait > 0 ? "oldest job waiting " + DashboardFormat.seconds(wait) + (several ? " (longest)" : "")
                                : "no job waiting", Level.NORMAL, chart);
            }
            case SHARDS -> TileReading.of(DashboardFormat.count(value(now, DashboardMetric.SHARDS_IN_FLIGHT)),
                    "peak " + DashboardFormat.count(orZero(series.get(DashboardMetric.SHARDS_IN_FLIGHT).max())) + " "
                            + within, Level.NORMAL, chart);
            case POOL -> {
                double pending = value(now, DashboardMetric.POOL_PENDING);
                yield new TileReading(DashboardFormat.count(value(now, DashboardMetric.POOL_ACTIVE)),
                        " of " + DashboardFormat.count(value(now, DashboardMetric.POOL_MAX)),
                        DashboardFormat.count(value(now, DashboardMetric.POOL_ACTIVE)) + " active · "
                                + DashboardFormat.count(value(now, DashboardMetric.POOL_IDLE)) + " idle · "
                                + DashboardFormat.count(pending) + " waiting",
                        pending > 0 ? Level.WARNING : Level.NORMAL, chart);
            }
            case ACQUIRE -> TileReading.of(DashboardFormat.millis(value(now, DashboardMetric.POOL_ACQUIRE_P95_MILLIS)),
                    "peak " + DashboardFormat.millis(orZero(series.get(DashboardMetric.POOL_ACQUIRE_P95_MILLIS).max()))
                            + " " + within + (several ? " (slowest server)" : ""), Level.NORMAL, chart);
            case TIMEOUTS -> {
                double total = value(now, DashboardMetric.POOL_TIMEOUTS_TOTAL);
                DecimatedSeries totals = series.get(DashboardMetric.POOL_TIMEOUTS_TOTAL);
                double increase = totals.isEmpty() || Double.isNaN(total) ? 0 : Math.max(0, total - min(totals));
                yield TileReading.of(DashboardFormat.count(increase), within + " · "
                        + DashboardFormat.count(total) + " since start", increase > 0 ? Level.DANGER : Level.NORMAL,
                        chart);
            }
            case HEAP -> {
                double used = value(now, DashboardMetric.HEAP_USED_BYTES);
                double max = value(now, DashboardMetric.HEAP_MAX_BYTES);
                boolean limited = max > 0;
                yield TileReading.of(DashboardFormat.bytes(used), limited
                        ? "of " + DashboardFormat.bytes(max) + " (" + DashboardFormat.percent(used / max) + ")"
                        : "no heap limit", limited && used / max > 0.9 ? Level.WARNING : Level.NORMAL, chart);
            }
            case CPU -> {
                double cpu = value(now, DashboardMetric.CPU_SHARE);
                yield TileReading.of(DashboardFormat.percent(cpu), Double.isNaN(cpu) ? "not reported by the JVM"
                        : several ? "busiest server, of its processors" : "of all processors",
                        cpu > 0.9 ? Level.WARNING : Level.NORMAL, chart);
            }
            case ERRORS -> {
                double errors = value(now, DashboardMetric.ERRORS_LAST_HOUR);
                yield TileReading.of(DashboardFormat.count(errors), errors > 0
                        ? "warnings and errors logged: see the engine's log" : "no warnings or errors logged",
                        errors > 0 ? Level.WARNING : Level.NORMAL, chart);
            }
        };
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double min(DecimatedSeries s) {
        double min = Double.NaN;
        for (int i = 0; i < s.size(); i++) {
            if (!Double.isNaN(s.y()[i]) && (Double.isNaN(min) || s.y()[i] < min)) {
                min = s.y()[i];
            }
        }
        return min;
    }

    private static ChartData chart(DashboardTile tile, Map<DashboardMetric, DecimatedSeries> series, TimeWindow window,
                                   int columns) {
        List<SeriesData> data = new ArrayList<>();
        double max = 0;
        for (DashboardTile.ChartSeries s : tile.series()) {
            DecimatedSeries points = series.get(s.metric());
            data.add(new SeriesData(s.role(), s.name(), points));
            double m = points.max();
            if (!Double.isNaN(m)) {
                // Headroom above a measured peak; a ceiling (pool size, heap limit) may touch the top.
                max = Math.max(max, s.role() == DashboardTile.SeriesRole.LIMIT ? m : m * 1.1);
            }
        }
        double top = switch (tile) {
            case CPU -> 1;
            case HEAP -> bytesCeiling(max);
            default -> niceCeiling(max);
        };
        return new ChartData(data, columns, top, DashboardFormat.axis(tile, top), "−" + window.label());
    }

    /** {@link #niceCeiling} in whole MB below a GB and whole GB above, so the axis reads {@code 2.0 GB}. */
    static double bytesCeiling(double bytes) {
        double mb = 1024.0 * 1024;
        double gb = mb * 1024;
        return bytes >= gb ? niceCeiling(bytes / gb) * gb : niceCeiling(bytes / mb) * mb;
    }

    /**
     * The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above {@code v} (at least 1): axis tops that read well
     * and do not jump with every sample.
     */
    static double niceCeiling(double v) {
        if (!(v > 1)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
