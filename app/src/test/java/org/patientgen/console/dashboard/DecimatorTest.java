package org.patientgen.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimatorTest {
    private static final long DAY = 86_400_000L;

    @Test
    void keepsEverySampleWhenThereAreFewerThanColumns() {
        long[] t = {0, 1000, 2000, 3000};
        double[] v = {1, 5, 2, 4};
        DecimatedSeries d = Decimator.decimate(t, v, 0, 4, 0, 4000, 400, 5000);
        assertThat(d.size()).isEqualTo(4);
        assertThat(java.util.Arrays.copyOf(d.y(), 4)).containsExactly(1, 5, 2, 4);
        assertThat(d.x()[0]).isEqualTo(0.5);
        assertThat(d.x()[3]).isEqualTo(300.5);
    }

    @Test
    void aDayOfSecondsBecomesAtMostTwoPointsPerColumnWithEachColumnsExactExtremes() {
        int n = 86_400;
        long[] t = new long[n];
        double[] v = new double[n];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            t[i] = i * 1000L;
            v[i] = random.nextDouble() * 100 + (i == 40_000 ? 1_000 : 0);
        }
        int columns = 400;
        DecimatedSeries d = Decimator.decimate(t, v, 0, n, 0, DAY, columns, 5000);
        assertThat(d.size()).isLessThanOrEqualTo(2 * columns);
        assertThat(d.max()).as("a one-sample spike survives").isEqualTo(v[40_000]);

        // Brute force: every column's min and max.
        double[] min = new double[columns];
        double[] max = new double[columns];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int c = (int) ((double) t[i] / DAY * columns);
            min[c] = Math.min(min[c], v[i]);
            max[c] = Math.max(max[c], v[i]);
        }
        for (int i = 0; i < d.size(); i++) {
            int c = (int) d.x()[i];
            assertThat(d.y()[i]).isIn(min[c], max[c]);
        }
        for (int c = 0; c < columns; c++) {
            int column = c;
            long points = java.util.stream.IntStream.range(0, d.size()).filter(i -> (int) d.x()[i] == column).count();
            assertThat(points).isEqualTo(min[c] == max[c] ? 1 : 2);
        }
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.x()[i]).isGreaterThanOrEqualTo(d.x()[i - 1]);
        }
    }

    @Test
    void keepsTheOrderInWhichTheExtremesOccurred() {
        long[] t = {0, 1, 2, 3};
        double[] falling = {5, 9, 1, 3};
        DecimatedSeries d = Decimator.decimate(t, falling, 0, 4, 0, 100, 1, 1000);
        assertThat(java.util.Arrays.copyOf(d.y(), d.size())).containsExactly(9, 1);
        double[] rising = {5, 1, 9, 3};
        d = Decimator.decimate(t, rising, 0, 4, 0, 100, 1, 1000);
        assertThat(java.util.Arrays.copyOf(d.y(), d.size())).containsExactly(1, 9);
    }

    @Test
    void breaksTheLineAcrossGapsAndSkipsUnreportedValues() {
        long[] t = {0, 1000, 2000, 60_000, 61_000};
        double[] v = {1, Double.NaN, 2, 3, 4};
        DecimatedSeries d = Decimator.decimate(t, v, 0, t.length, 0, 100_000, 100, 5000);
        double[] y = java.util.Arrays.copyOf(d.y(), d.size());
        assertThat(y).hasSize(5);
        assertThat(y[0]).isEqualTo(1);
        assertThat(y[1]).isEqualTo(2);
        assertThat(y[2]).isNaN();
        assertThat(y[3]).isEqualTo(3);
        assertThat(y[4]).isEqualTo(4);
    }

    @Test
    void leavesOutSamplesOutsideTheWindowAndRespectsTheRowRange() {
        long[] t = {0, 10, 20, 30, 40};
        double[] v = {100, 1, 2, 3, 200};
        DecimatedSeries d = Decimator.decimate(t, v, 0, 5, 10, 30, 10, 1000);
        assertThat(d.max()).isEqualTo(3);
        d = Decimator.decimate(t, v, 1, 3, 0, 40, 10, 1000);
        assertThat(java.util.Arrays.copyOf(d.y(), d.size())).containsExactly(1, 2);
    }

    @Test
    void manyGapsStillFit() {
        int n = 5000;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 10_000L;
            v[i] = i % 7;
        }
        DecimatedSeries d = Decimator.decimate(t, v, 0, n, 0, n * 10_000L, 10, 5000);
        assertThat(d.size()).isEqualTo(2 * n - 1);
    }

    @Test
    void segmentsJoinWithABreakOnlyAcrossAGap() {
        DecimatedSeries a = Decimator.decimate(new long[] {0, 1000}, new double[] {1, 2}, 0, 2, 0, 10_000, 10, 5000);
        DecimatedSeries b = Decimator.decimate(new long[] {9000}, new double[] {3}, 0, 1, 0, 10_000, 10, 5000);
        assertThat(java.util.Arrays.copyOf(a.followedBy(b, false).y(), 3)).containsExactly(1, 2, 3);
        DecimatedSeries joined = a.followedBy(b, true);
        assertThat(joined.size()).isEqualTo(4);
        assertThat(joined.y()[2]).isNaN();
        assertThat(a.followedBy(DecimatedSeries.EMPTY, true)).isSameAs(a);
        assertThat(DecimatedSeries.EMPTY.followedBy(b, true)).isSameAs(b);
    }

    @Test
    void emptyAndInvalidInput() {
        assertThat(Decimator.decimate(new long[0], new double[0], 0, 0, 0, 10, 5, 1).isEmpty()).isTrue();
        assertThatThrownBy(() -> Decimator.decimate(new long[0], new double[0], 0, 0, 0, 10, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decimator.decimate(new long[0], new double[0], 0, 0, 10, 10, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
