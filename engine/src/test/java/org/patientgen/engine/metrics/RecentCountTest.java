package org.patientgen.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sliding-window count behind errorsLastHour: exact at its step, never more than a step late. */
class RecentCountTest {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void countsGrowthSinceStartWhileYoungerThanTheWindow() {
        RecentCount count = new RecentCount(HOUR, MINUTE, T0, 5);

        assertThat(count.update(T0.plusSeconds(10), 7)).isEqualTo(2);
        assertThat(count.update(T0.plus(Duration.ofMinutes(30)), 12)).isEqualTo(7);
        assertThat(count.update(T0.plus(HOUR), 12)).isEqualTo(7);
    }

    @Test
    void growthOlderThanTheWindowDropsOutAtTheNextStep() {
        RecentCount count = new RecentCount(HOUR, MINUTE, T0, 0);
        count.update(T0.plus(MINUTE), 4);                 // 4 events in the first minute
        count.update(T0.plus(Duration.ofMinutes(2)), 6);  // 2 in the second
        for (int m = 3; m <= 60; m++) {
            count.update(T0.plus(Duration.ofMinutes(m)), 6);
        }

        assertThat(count.update(T0.plus(Duration.ofMinutes(61)), 9)).isEqualTo(9 - 4);
        assertThat(count.update(T0.plus(Duration.ofMinutes(62)), 9)).isEqualTo(9 - 6);
        assertThat(count.update(T0.plus(Duration.ofMinutes(200)), 9)).isZero();
    }

    @Test
    void marksAreKeptAboutOncePerStepWhateverTheSamplingRate() {
        RecentCount count = new RecentCount(HOUR, MINUTE, T0, 0);
        long total = 0;
        for (int s = 1; s <= 2 * 3600; s++) { // one event a second for two hours
            total++;
            long inWindow = count.update(T0.plusSeconds(s), total);
            if (s > 3600) {
                assertThat(inWindow).isBetween(3600L, 3600L + 60);
            }
        }
    }
}
