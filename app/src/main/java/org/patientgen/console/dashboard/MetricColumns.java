package org.patientgen.console.dashboard;

import java.util.Arrays;

/**
 * A time-ordered table of dashboard figures: one row per sample (its time and a value per
 * {@link DashboardMetric}), stored as primitive columns so an hour of 1 s samples of one server is
 * about 0.7 MB and a column can be decimated without boxing. Rows older than a bound are trimmed
 * from the front. Not thread-safe: {@link MetricSource} guards it.
 */
final class MetricColumns {
    private static final int METRICS = DashboardMetric.all().length;

    private long[] times;
    private double[][] values;
    /** Index of the first row in the arrays; rows before it were trimmed. */
    private int head;
    /** Index after the last row. */
    private int tail;

    MetricColumns(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        values = new double[METRICS][capacity];
    }

    /** Rows held. */
    int size() {
        return tail - head;
    }

    /** Time of the last row, epoch ms; {@link Long#MIN_VALUE} when empty. */
    long lastTime() {
        return tail == head ? Long.MIN_VALUE : times[tail - 1];
    }

    /** Time of the first row, epoch ms; {@link Long#MAX_VALUE} when empty. */
    long firstTime() {
        return tail == head ? Long.MAX_VALUE : times[head];
    }

    /**
     * Adds a row at {@code time} (epoch ms), values indexed by metric ordinal (NaN: unknown). A row
     * not later than the last is dropped: events may repeat what a history read already returned.
     *
     * @return whether the row was added
     */
    boolean append(long time, double[] row) {
        if (time <= lastTime()) {
            return false;
        }
        if (tail == times.length) {
            makeRoom();
        }
        times[tail] = time;
        for (int m = 0; m < METRICS; m++) {
            values[m][tail] = m < row.length ? row[m] : Double.NaN;
        }
        tail++;
        return true;
    }

    private void makeRoom() {
        int size = size();
        if (head > times.length / 2) {
            // Mostly trimmed rows at the front: slide the live rows down instead of growing.
            System.arraycopy(times, head, times, 0, size);
            for (double[] column : values) {
                System.arraycopy(column, head, column, 0, size);
            }
        } else {
            int capacity = times.length * 2;
            long[] t = new long[capacity];
            System.arraycopy(times, head, t, 0, size);
            times = t;
            for (int m = 0; m < METRICS; m++) {
                double[] column = new double[capacity];
                System.arraycopy(values[m], head, column, 0, size);
                values[m] = column;
            }
        }
        head = 0;
        tail = size;
    }

    /** Drops rows before {@code time} (epoch ms). */
    void trimBefore(long time) {
        head = indexAtOrAfter(time);
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /** Drops every row. */
    void clear() {
        head = 0;
        tail = 0;
    }

    /** Array index of the first row at or after {@code time} ({@link #tail()} when none). */
    int indexAtOrAfter(long time) {
        int i = Arrays.binarySearch(times, head, tail, time);
        if (i < 0) {
            return -i - 1;
        }
        while (i > head && times[i - 1] == time) {
            i--;
        }
        return i;
    }

    /** Array index of the first row. */
    int head() {
        return head;
    }

    /** Array index after the last row. */
    int tail() {
        return tail;
    }

    /** The time column (valid between {@link #head()} and {@link #tail()}); read, never change. */
    long[] times() {
        return times;
    }

    /** A figure's column (valid between {@link #head()} and {@link #tail()}); read, never change. */
    double[] column(DashboardMetric metric) {
        return values[metric.ordinal()];
    }

    /** The last row's value of {@code metric}; NaN when empty. */
    double last(DashboardMetric metric) {
        return tail == head ? Double.NaN : values[metric.ordinal()][tail - 1];
    }
}
