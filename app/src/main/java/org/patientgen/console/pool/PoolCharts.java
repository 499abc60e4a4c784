package org.patientgen.console.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * The pool's live charts: connections (active, idle, waiting, maximum) and the acquire time's 95th
 * percentile, over the last minutes, seconds before the latest sample on the x axis. Animation is
 * off; each redraw replaces the points from an immutable list of samples, thinned to about one
 * point per two pixels of width. View-side only.
 */
final class PoolCharts {
    private final LineChart<Number, Number> connections;
    private final LineChart<Number, Number> acquire;
    private final XYChart.Series<Number, Number> active = series("active");
    private final XYChart.Series<Number, Number> idle = series("idle");
    private final XYChart.Series<Number, Number> pending = series("waiting");
    private final XYChart.Series<Number, Number> max = series("max");
    private final XYChart.Series<Number, Number> p95 = series("acquire p95 (ms)");

    PoolCharts() {
        connections = chart("connections", "pool-connections-chart");
        acquire = chart("ms", "pool-acquire-chart");
        connections.getData().addAll(List.of(active, idle, pending, max));
        acquire.getData().add(p95);
        ((NumberAxis) connections.getYAxis()).setForceZeroInRange(true);
        ((NumberAxis) acquire.getYAxis()).setForceZeroInRange(true);
    }

    LineChart<Number, Number> connections() {
        return connections;
    }

    LineChart<Number, Number> acquire() {
        return acquire;
    }

    /** Redraws both charts from {@code samples}, oldest first. */
    void show(List<PoolUsageSample> samples) {
        int step = step(samples.size(), connections.getWidth());
        fill(active, samples, step, PoolUsageSample::active);
        fill(idle, samples, step, PoolUsageSample::idle);
        fill(pending, samples, step, PoolUsageSample::pending);
        fill(max, samples, step, PoolUsageSample::max);
        fill(p95, samples, step, PoolUsageSample::acquireP95Millis);
    }

    /** Every {@code step}-th sample keeps about one point per two pixels (and always the latest). */
    static int step(int samples, double width) {
        double points = Math.max(2, width / 2);
        return Math.max(1, (int) Math.ceil(samples / points));
    }

    private static void fill(XYChart.Series<Number, Number> series, List<PoolUsageSample> samples, int step,
                             ToDoubleFunction<PoolUsageSample> value) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        if (!samples.isEmpty()) {
            long last = samples.get(samples.size() - 1).at().toEpochMilli();
            for (int i = (samples.size() - 1) % step; i < samples.size(); i += step) {
                PoolUsageSample s = samples.get(i);
                double v = value.applyAsDouble(s);
                if (Double.isFinite(v)) {
                    points.add(new XYChart.Data<>((s.at().toEpochMilli() - last) / 1000.0, v));
                }
            }
        }
        series.getData().setAll(points);
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private static LineChart<Number, Number> chart(String yLabel, String id) {
        NumberAxis x = new NumberAxis(-(PoolUsageFeed.CAPACITY), 0, 30);
        x.setAutoRanging(false);
        x.setLabel("seconds ago");
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Long.toString(Math.round(-n.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                return -Double.parseDouble(text);
            }
        });
        x.setAnimated(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setAnimated(false);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setHorizontalGridLinesVisible(true);
        chart.setVerticalGridLinesVisible(false);
        chart.setPrefHeight(190);
        chart.setMinHeight(150);
        chart.getStyleClass().add("pg-pool-chart");
        return chart;
    }
}
