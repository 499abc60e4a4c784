package org.patientgen.console.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How fire times and zones read. */
class ScheduleFormatTest {
    static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");

    @Test
    void fireTimesReadInTheirZoneWithHowFarOffTheyAre() {
        ZonedDateTime at = ZonedDateTime.of(2026, 7, 2, 2, 30, 0, 0, ZoneId.of("Europe/Berlin"));
        assertThat(ScheduleFormat.fire(at, NOW, false)).isEqualTo("Thu 2 Jul 2026, 02:30 CEST (in 14 h 30 min)");
        assertThat(ScheduleFormat.fire(at.withSecond(15), NOW, true)).startsWith("Thu 2 Jul 2026, 02:30:15 CEST");
        assertThat(ScheduleFormat.anySeconds(List.of(at, at.withSecond(15)))).isTrue();
        assertThat(ScheduleFormat.anySeconds(List.of(at))).isFalse();
    }

    @Test
    void relativeTimes() {
        assertThat(ScheduleFormat.relative(NOW.plusSeconds(300), NOW)).isEqualTo("in 5 min");
        assertThat(ScheduleFormat.relative(NOW.minusSeconds(90), NOW)).isEqualTo("1 min 30 s ago");
        assertThat(ScheduleFormat.relative(NOW, NOW)).isEqualTo("now");
    }

    @Test
    void zonesSayTheirOffsetNowAndWhetherDaylightSavingApplies() {
        assertThat(ScheduleFormat.zoneNow(ZoneId.of("Europe/Berlin"), NOW))
                .isEqualTo("Now UTC+02:00, daylight saving, CEST (Central European Time)");
        assertThat(ScheduleFormat.zoneNow(ZoneId.of("Europe/Berlin"), Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo("Now UTC+01:00, CET (Central European Time)");
        assertThat(ScheduleFormat.zoneNow(ZoneId.of("UTC"), NOW)).isEqualTo("UTC+00:00 all year, no daylight saving");
        assertThat(ScheduleFormat.shortTime(NOW, ZoneId.of("America/New_York"))).isEqualTo("1 Jul 06:00");
        assertThat(ScheduleFormat.shortTime(null, ZoneId.of("UTC"))).isEqualTo("—");
    }
}
