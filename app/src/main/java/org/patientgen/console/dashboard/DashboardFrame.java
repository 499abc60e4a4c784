package org.patientgen.console.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.api.JobState;

/**
 * Everything the dashboard shows at one tick, built off the UI thread and handed to the view whole:
 * texts already formatted, charts already decimated to the pixel columns they have. Immutable.
 *
 * @param at         when it was built
 * @param window     the time window of the charts
 * @param scope      what the figures cover, e.g. {@code Local engine} or {@code All servers (3)}
 * @param tiles      each tile's reading; absent while there is no data
 * @param jobs       jobs in each state (every state present), empty while there is no data
 * @param emptyState what to show instead of the tiles (and what to do), empty when there is data
 * @param notice     servers left out of the figures and why, empty when none
 * @param lastData   time of the newest figure shown, or {@code null}
 */
public record DashboardFrame(Instant at, TimeWindow window, String scope, Map<DashboardTile, TileReading> tiles,
                             Map<JobState, Long> jobs, String emptyState, String notice, Instant lastData) {
    public DashboardFrame {
        tiles = Map.copyOf(tiles);
        jobs = Map.copyOf(jobs);
    }

    /** Whether there is nothing to chart yet ({@link #emptyState()} says why). */
    public boolean isEmpty() {
        return !emptyState.isEmpty();
    }

    /** How a tile's value should look. */
    public enum Level {
        NORMAL,
        /** Worth a look: waiting threads, errors logged, CPU or heap nearly full. */
        WARNING,
        /** Something failed: connection timeouts. */
        DANGER
    }

    /**
     * A tile's texts and chart.
     *
     * @param value  the headline figure, e.g. {@code 1,234}
     * @param unit   what follows it, smaller, e.g. {@code /s}, {@code  ms} (with its leading space),
     *               {@code  running}; may be empty
     * @param detail one line under the chart
     * @param level  how the value is coloured
     * @param chart  the chart, or {@code null} for a tile without one
     */
    public record TileReading(String value, String unit, String detail, Level level, ChartData chart) {
        /**
         * A reading whose formatted headline (e.g. {@code 1,234/s}, {@code 0.42 ms}, {@code 37%},
         * {@code 3 running}) is split into the figure and its unit.
         */
        static TileReading of(String headline, String detail, Level level, ChartData chart) {
            int cut = headline.endsWith("/s") ? headline.length() - 2
                    : headline.endsWith("%") ? headline.length() - 1
                    : headline.lastIndexOf(' ') > 0 ? headline.lastIndexOf(' ') : headline.length();
            return new TileReading(headline.substring(0, cut), headline.substring(cut), detail, level, chart);
        }

        /** Figure and unit as one text, e.g. {@code 1,234/s}. */
        public String headline() {
            return value + unit;
        }
    }

    /**
     * A chart, decimated to {@code columns} pixel columns.
     *
     * @param series     each series in drawing order
     * @param columns    pixel columns the points were decimated to
     * @param yMax       the value at the top edge (the bottom is 0)
     * @param yMaxLabel  {@code yMax} formatted
     * @param startLabel the left edge, e.g. {@code −5 min}
     */
    public record ChartData(List<SeriesData> series, int columns, double yMax, String yMaxLabel, String startLabel) {
        public ChartData {
            series = List.copyOf(series);
        }
    }

    /** One decimated series of a chart. */
    public record SeriesData(DashboardTile.SeriesRole role, String name, DecimatedSeries points) {
    }
}
