package org.patientgen.console.dashboard;

/**
 * A series reduced to the pixel columns of a chart: at most two points per column (its lowest and
 * highest value, in time order), x in columns from the left edge ({@code 0.5} is the middle of the
 * first), y in the series' unit. A NaN y breaks the line (no data for a while). Immutable: the
 * arrays are never changed after construction, and must not be changed by readers.
 *
 * @param x    column positions, ascending
 * @param y    values; NaN marks a break
 * @param size points used in {@code x} and {@code y}
 */
public record DecimatedSeries(double[] x, double[] y, int size) {
    /** No points. */
    public static final DecimatedSeries EMPTY = new DecimatedSeries(new double[0], new double[0], 0);

    /**
     * This series followed by {@code next} (which starts at or after this one's end), with a break
     * between them when {@code gap}.
     */
    public DecimatedSeries followedBy(DecimatedSeries next, boolean gap) {
        if (next.size == 0) {
            return this;
        }
        if (size == 0) {
            return next;
        }
        int breaks = gap ? 1 : 0;
        double[] xs = java.util.Arrays.copyOf(x, size + breaks + next.size);
        double[] ys = java.util.Arrays.copyOf(y, size + breaks + next.size);
        if (gap) {
            xs[size] = x[size - 1];
            ys[size] = Double.NaN;
        }
        System.arraycopy(next.x, 0, xs, size + breaks, next.size);
        System.arraycopy(next.y, 0, ys, size + breaks, next.size);
        return new DecimatedSeries(xs, ys, xs.length);
    }

    /** The largest value, or NaN when there is none. */
    public double max() {
        double max = Double.NaN;
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(y[i]) && (Double.isNaN(max) || y[i] > max)) {
                max = y[i];
            }
        }
        return max;
    }

    /** Whether there is no value to draw. */
    public boolean isEmpty() {
        return Double.isNaN(max());
    }
}
