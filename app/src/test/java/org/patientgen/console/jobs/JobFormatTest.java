package org.patientgen.console.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JobFormatTest {
    @Test
    void durationsAreOnlyAsPreciseAsUseful() {
        assertThat(JobFormat.duration(Duration.ofMillis(1))).isEqualTo("1 s");
        assertThat(JobFormat.duration(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(JobFormat.duration(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
        assertThat(JobFormat.duration(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(JobFormat.duration(Duration.ofSeconds(12 * 60 + 5))).isEqualTo("12 min");
        assertThat(JobFormat.duration(Duration.ofMinutes(127))).isEqualTo("2 h 07 min");
        assertThat(JobFormat.duration(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(JobFormat.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(JobFormat.duration(Duration.ofSeconds(-5))).isEqualTo("0 s");
    }

    @Test
    void countsRatesTimesAndLabels() {
        assertThat(JobFormat.count(1234567)).isEqualTo("1,234,567");
        assertThat(JobFormat.rate(1234.4)).isEqualTo("1,234/s");
        assertThat(JobFormat.rate(0)).isEqualTo(JobFormat.NONE);
        Instant at = Instant.parse("2026-03-04T05:06:07Z");
        assertThat(JobFormat.instant(at, ZoneOffset.UTC, LocalDate.of(2026, 3, 4))).isEqualTo("05:06:07");
        assertThat(JobFormat.instant(at, ZoneOffset.UTC, LocalDate.of(2026, 3, 5))).isEqualTo("2026-03-04 05:06");
        assertThat(JobFormat.instant(null, ZoneOffset.UTC, LocalDate.of(2026, 3, 5))).isEqualTo(JobFormat.NONE);
        assertThat(JobFormat.labels(new TreeMap<>(Map.of("b", "2", "a", "1")))).isEqualTo("a=1, b=2");
    }
}
