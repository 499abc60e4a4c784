package org.patientgen.console.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.patientgen.console.dashboard.DashboardFrame.ChartData;
import org.patientgen.console.dashboard.DashboardFrame.TileReading;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * Benchmark: the dashboard's redraw cost with 24 h of 1 s history per series (86,400 points per
 * series, every figure). Measures, over many iterations, the two halves of a redraw: building the
 * frame off the UI thread (reading the rows, decimating every chart to its pixel columns, formatting)
 * and applying it on the UI thread (drawing the nine canvas charts of the dashboard's 5 × 2 grid at
 * the default window size). Prints median and p99 of each. Run with
 * {@code app/bench/dashboard-redraw.sh}.
 */
public final class DashboardRedrawBench {
    private static final int POINTS = 86_400;
    private static final int WARMUP = 100;
    private static final int ITERATIONS = 500;

    private DashboardRedrawBench() {
    }

    public static void main(String[] args) throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        MetricSource source = new MetricSource(new MetricsFakes.FakeServer("bench").connection);
        source.addHistory(day(now));
        source.connected();
        List<MetricSource> sources = List.of(source);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        List<TimeSeriesChart> charts = new ArrayList<>();
        CompletableFuture<Integer> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(10);
            int i = 0;
            for (DashboardTile tile : DashboardTile.values()) {
                if (!tile.series().isEmpty()) {
                    TimeSeriesChart chart = new TimeSeriesChart();
                    chart.setPrefSize(195, 200);
                    charts.add(chart);
                    grid.add(chart, i % 5, i / 5);
                }
                i++;
            }
            Stage stage = new Stage();
            stage.setScene(new Scene(grid, 1080, 460));
            stage.show();
            grid.layout();
            shown.complete((int) charts.get(0).getWidth());
        });
        int columns = shown.get(30, TimeUnit.SECONDS);
        System.out.printf("dashboard redraw, %,d points per series (24 h of 1 s), %d charts of %d px, java %s, %d cores,"
                + " %s%n", POINTS, charts.size(), columns, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("glass.platform", "display " + System.getenv("DISPLAY")));

        for (TimeWindow window : new TimeWindow[] {TimeWindow.ONE_DAY, TimeWindow.ONE_HOUR}) {
            long[] build = new long[ITERATIONS];
            long[] draw = new long[ITERATIONS];
            for (int i = -WARMUP; i < ITERATIONS; i++) {
                long t0 = System.nanoTime();
                DashboardFrame frame = FrameBuilder.build(sources, window, now, columns, "bench");
                long t1 = System.nanoTime();
                CompletableFuture<Long> drawn = new CompletableFuture<>();
                Platform.runLater(() -> {
                    long d0 = System.nanoTime();
                    int c = 0;
                    for (Map.Entry<DashboardTile, TileReading> e : frame.tiles().entrySet()) {
                        ChartData chart = e.getValue().chart();
                        if (chart != null) {
                            charts.get(c++).show(chart);
                        }
                    }
                    drawn.complete(System.nanoTime() - d0);
                });
                long d = drawn.get(30, TimeUnit.SECONDS);
                if (i >= 0) {
                    build[i] = t1 - t0;
                    draw[i] = d;
                }
            }
            System.out.printf("%-5s window: build (background) median %.2f ms, p99 %.2f ms; draw (UI thread) median %.2f ms,"
                    + " p99 %.2f ms%n", window.label(), percentile(build, 50), percentile(build, 99),
                    percentile(draw, 50), percentile(draw, 99));
        }
        long[] decimate = new long[ITERATIONS];
        MetricColumns rows = source.copySince(0, false);
        for (int i = -WARMUP; i < ITERATIONS; i++) {
            long t0 = System.nanoTime();
            Decimator.decimate(rows.times(), rows.column(DashboardMetric.PATIENTS_PER_SECOND), rows.head(), rows.tail(),
                    now.toEpochMilli() - 86_400_000L, now.toEpochMilli(), columns, 5000);
            if (i >= 0) {
                decimate[i] = System.nanoTime() - t0;
            }
        }
        System.out.printf("one series of %,d points decimated to %d columns: median %.3f ms, p99 %.3f ms%n", POINTS,
                columns, percentile(decimate, 50), percentile(decimate, 99));
        Platform.exit();
        System.exit(0);
    }

    /** A day of 1 s snapshots with moving figures, oldest first. */
    private static List<MetricsSnapshot> day(Instant now) {
        SplittableRandom random = new SplittableRandom(1);
        List<MetricsSnapshot> snapshots = new ArrayList<>(POINTS);
        double rate = 1000;
        for (int i = POINTS; i > 0; i--) {
            rate = Math.max(0, rate + random.nextGaussian() * 40);
            snapshots.add(new MetricsSnapshot(now.minusSeconds(i - 1L), 0, rate,
                    Map.of(JobState.RUNNING, 2L, JobState.QUEUED, (long) random.nextInt(5)), random.nextInt(40),
                    random.nextDouble() * 60, random.nextInt(4), 0, 0, 0, 0, 2, 2, random.nextInt(10), 3, random.nextInt(2),
                    10, random.nextDouble() * 5, i / 3600, (200L + random.nextInt(300)) << 20, 1L << 30,
                    random.nextDouble(), random.nextInt(3)));
        }
        return snapshots;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
