package org.patientgen.console.dashboard;

import java.util.Arrays;

/**
 * Reduces a time series to the pixels a chart has: for each pixel column the lowest and the
 * highest value that fall in it, in the order they occurred.
 *
 * <p>Why min/max: a line through every sample of 24 h of 1 s data (86,400 points) into a 400-pixel
 * chart draws about 216 segments per pixel, which costs time and shows nothing more. Keeping each
 * column's extremes draws at most two points per column, and the picture is the same as drawing
 * every point: the vertical extent of each column is exact, so spikes are never averaged away
 * (unlike averaging or picking every n-th sample), and the line between columns joins neighbours as
 * the full line would, to within a pixel. Cost: one pass over the samples in the window, no
 * allocation beyond the output.
 *
 * <p>Gaps: when two consecutive samples are more than {@code maxGapMillis} apart (a server was
 * unreachable, the console was closed) a break (NaN) is emitted so the line is not drawn across the
 * gap. NaN samples (a figure a server did not report) are skipped.
 */
public final class Decimator {
    private Decimator() {
    }

    /**
     * Decimates rows {@code [from, to)} of {@code times}/{@code values} that fall in
     * {@code [start, end]} (epoch ms) into {@code columns} pixel columns.
     *
     * @param times        sample times, ascending, epoch ms
     * @param values       sample values (NaN: not reported)
     * @param from         first row to consider
     * @param to           row after the last to consider
     * @param start        time at the left edge, epoch ms
     * @param end          time at the right edge, epoch ms; after {@code start}
     * @param columns      pixel columns, at least 1
     * @param maxGapMillis consecutive samples further apart than this are not joined
     */
    public static DecimatedSeries decimate(long[] times, double[] values, int from, int to, long start, long end,
                                           int columns, long maxGapMillis) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, was " + columns);
        }
        if (end <= start) {
            throw new IllegalArgumentException("end must be after start");
        }
        // Two points per column, plus room for a few breaks; grown if gaps need more.
        int capacity = Math.min(2 * columns + 16, 3 * Math.max(0, to - from)) + 3;
        double[] xs = new double[capacity];
        double[] ys = new double[capacity];
        int n = 0;
        double span = end - start;

        int column = -1;
        double min = 0;
        double max = 0;
        boolean minFirst = true;
        long previous = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            long t = times[i];
            if (t < start) {
                continue;
            }
            if (t > end) {
                break;
            }
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            int c = (int) ((t - start) / span * columns);
            if (c >= columns) {
                c = columns - 1;
            }
            boolean gap = previous != Long.MIN_VALUE && t - previous > maxGapMillis;
            previous = t;
            if (c != column || gap) {
                if (n + 3 > xs.length) {
                    xs = Arrays.copyOf(xs, xs.length * 2);
                    ys = Arrays.copyOf(ys, ys.length * 2);
                }
                if (column >= 0) {
                    n = flush(xs, ys, n, column, min, max, minFirst);
                    if (gap) {
                        xs[n] = column + 0.5;
                        ys[n] = Double.NaN;
                        n++;
                    }
                }
                column = c;
                min = v;
                max = v;
                minFirst = true;
            } else if (v < min) {
                min = v;
                minFirst = false;
            } else if (v > max) {
                max = v;
                minFirst = true;
            }
        }
        if (column >= 0) {
            if (n + 2 > xs.length) {
                xs = Arrays.copyOf(xs, n + 2);
                ys = Arrays.copyOf(ys, n + 2);
            }
            n = flush(xs, ys, n, column, min, max, minFirst);
        }
        return new DecimatedSeries(xs, ys, n);
    }

    /**
     * Writes a column's extremes. {@code minFirst} tells whether the lowest value came before the
     * highest: the later of the two was the last one to change, so it decides the order.
     */
    private static int flush(double[] xs, double[] ys, int n, int column, double min, double max, boolean minFirst) {
        double x = column + 0.5;
        if (min == max) {
            xs[n] = x;
            ys[n] = min;
            return n + 1;
        }
        xs[n] = x;
        ys[n] = minFirst ? min : max;
        xs[n + 1] = x;
        ys[n + 1] = minFirst ? max : min;
        return n + 2;
    }
}
