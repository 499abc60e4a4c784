package org.patientgen.console.dashboard;

import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.patientgen.console.dashboard.DashboardFrame.ChartData;
import org.patientgen.console.dashboard.DashboardFrame.SeriesData;

/**
 * A small time-series chart drawn on a {@link Canvas}: the series of a {@link ChartData}, already
 * decimated to this chart's pixel columns, from 0 at the bottom to the chart's top value, with the
 * window's start and "now" under it. No animation, no scene-graph node per point: a redraw is a few
 * hundred line segments.
 */
final class TimeSeriesChart extends Region {
    private static final double LABEL_HEIGHT = 14;
    private static final Font LABEL_FONT = Font.font(10);

    private final Canvas canvas = new Canvas();
    private ChartData data;
    private ChartPalette palette = ChartPalette.FALLBACK;
    private IntConsumer onWidth = w -> { };

    TimeSeriesChart() {
        getChildren().add(canvas);
        getStyleClass().add("pg-chart");
        setMinSize(60, 40);
        setPrefSize(200, 90);
    }

    /** Called with the chart's width in pixels whenever it changes (frames are decimated to it). */
    void onWidth(IntConsumer listener) {
        this.onWidth = listener;
    }

    void setPalette(ChartPalette palette) {
        this.palette = palette;
        draw();
    }

    /** Shows {@code chart} (or nothing for {@code null}). */
    void show(ChartData chart) {
        this.data = chart;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            onWidth.accept((int) w);
            draw();
        }
    }

    /** Draws the current data at the current size. */
    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 2 || h < LABEL_HEIGHT + 4) {
            return;
        }
        double top = 1;
        double bottom = h - LABEL_HEIGHT;
        double plotHeight = bottom - top;

        g.setLineDashes();
        g.setStroke(palette.muted().deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(1);
        g.strokeLine(0, Math.floor(top) + 0.5, w, Math.floor(top) + 0.5);
        g.strokeLine(0, Math.floor(top + plotHeight / 2) + 0.5, w, Math.floor(top + plotHeight / 2) + 0.5);
        g.setStroke(palette.muted().deriveColor(0, 1, 1, 0.7));
        g.strokeLine(0, Math.floor(bottom) + 0.5, w, Math.floor(bottom) + 0.5);

        if (data != null) {
            double xScale = w / data.columns();
            double yMax = data.yMax() > 0 ? data.yMax() : 1;
            for (SeriesData s : data.series()) {
                drawSeries(g, s, xScale, top, plotHeight, bottom, yMax);
            }
            g.setFont(LABEL_FONT);
            g.setFill(palette.muted());
            g.setTextBaseline(VPos.TOP);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(data.yMaxLabel(), w - 2, top + 2);
            g.setTextBaseline(VPos.BOTTOM);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(data.startLabel(), 0, h);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("now", w, h);
        }
    }

    private void drawSeries(GraphicsContext g, SeriesData s, double xScale, double top, double plotHeight,
                            double bottom, double yMax) {
        DecimatedSeries p = s.points();
        if (p.size() == 0) {
            return;
        }
        Color color = palette.of(s.role());
        double[] x = p.x();
        double[] y = p.y();
        if (s.role() == DashboardTile.SeriesRole.PRIMARY) {
            // A light fill under the line, one polygon per unbroken run.
            g.setFill(color.deriveColor(0, 1, 1, 0.15));
            int i = 0;
            while (i < p.size()) {
                while (i < p.size() && Double.isNaN(y[i])) {
                    i++;
                }
                if (i >= p.size()) {
                    break;
                }
                g.beginPath();
                g.moveTo(x[i] * xScale, bottom);
                double lastX = x[i] * xScale;
                while (i < p.size() && !Double.isNaN(y[i])) {
                    lastX = x[i] * xScale;
                    g.lineTo(lastX, toY(y[i], top, plotHeight, yMax));
                    i++;
                }
                g.lineTo(lastX, bottom);
                g.closePath();
                g.fill();
            }
        }
        g.setStroke(color);
        g.setLineJoin(StrokeLineJoin.ROUND);
        if (s.role() == DashboardTile.SeriesRole.LIMIT) {
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
        } else {
            g.setLineWidth(1.5);
            g.setLineDashes();
        }
        g.beginPath();
        boolean open = false;
        for (int i = 0; i < p.size(); i++) {
            if (Double.isNaN(y[i])) {
                open = false;
                continue;
            }
            double px = x[i] * xScale;
            double py = toY(y[i], top, plotHeight, yMax);
            if (open) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                open = true;
            }
        }
        g.stroke();
        g.setLineDashes();
    }

    private static double toY(double value, double top, double plotHeight, double yMax) {
        double share = Math.max(0, Math.min(1, value / yMax));
        return top + (1 - share) * plotHeight;
    }
}
