package org.patientgen.engine.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientgen.engine.api.CronSyntax;

/** Parsing, field-level errors, descriptions and fire times (Unix and Quartz, zones, DST). No clocks, no waiting. */
class CronScheduleTest {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    static CronSchedule unix(String expression, ZoneId zone) {
        return CronSchedule.parse(expression, CronSyntax.UNIX, zone);
    }

    static CronSchedule quartz(String expression, ZoneId zone) {
        return CronSchedule.parse(expression, CronSyntax.QUARTZ, zone);
    }

    static Instant local(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static List<String> next(CronSchedule cron, String fromLocal, int count) {
        return cron.nextFireTimes(local(fromLocal, cron.zone()), count).stream()
                .map(z -> z.toOffsetDateTime().toString()).toList();
    }

    @Nested
    class FireTimes {
        @Test
        void unixWeekdaysEveryQuarterHourInOfficeHours() {
            CronSchedule cron = unix("*/15 9-17 * * 1-5", UTC);
            assertThat(next(cron, "2026-01-09T17:31", 3)) // a Friday afternoon
                    .containsExactly("2026-01-09T17:45Z", "2026-01-12T09:00Z", "2026-01-12T09:15Z");
        }

        @Test
        void quartzHasSecondsAndLastDayOfMonth() {
            assertThat(next(quartz("*/20 * * * * ?", UTC), "2026-01-01T00:00", 4)).containsExactly(
                    "2026-01-01T00:00:20Z", "2026-01-01T00:00:40Z", "2026-01-01T00:01Z", "2026-01-01T00:01:20Z");
            assertThat(next(quartz("0 15 10 L * ?", UTC), "2026-01-31T11:00", 2))
                    .containsExactly("2026-02-28T10:15Z", "2026-03-31T10:15Z");
            assertThat(next(quartz("0 0 9 ? * MON#1", UTC), "2026-01-01T00:00", 2)) // first Monday
                    .containsExactly("2026-01-05T09:00Z", "2026-02-02T09:00Z");
        }

        @Test
        void slotsFollowTheWallClockOfTheZone() {
            assertThat(next(unix("0 9 * * *", ZoneId.of("Asia/Tokyo")), "2026-01-01T10:00", 2))
                    .containsExactly("2026-01-02T09:00+09:00", "2026-01-03T09:00+09:00");
            // 06:00 in New York is 11:00 UTC in winter and 10:00 UTC in summer.
            CronSchedule ny = unix("0 6 * * *", NEW_YORK);
            assertThat(ny.nextAfter(Instant.parse("2026-01-10T00:00:00Z"))).contains(Instant.parse("2026-01-10T11:00:00Z"));
            assertThat(ny.nextAfter(Instant.parse("2026-07-10T00:00:00Z"))).contains(Instant.parse("2026-07-10T10:00:00Z"));
        }

        @Test
        void unixDayFieldsBothRestrictedMeanEither() {
            // Vixie cron: the 1st of the month OR a Monday.
            assertThat(next(unix("0 0 1 * 1", UTC), "2026-01-25T12:00", 3))
                    .containsExactly("2026-01-26T00:00Z", "2026-02-01T00:00Z", "2026-02-02T00:00Z");
        }

        @Test
        void nextIsStrictlyAfterAndLatestIsAtOrBefore() {
            CronSchedule hourly = unix("0 * * * *", UTC);
            Instant ten = Instant.parse("2026-01-01T10:00:00Z");
            assertThat(hourly.nextAfter(ten)).contains(Instant.parse("2026-01-01T11:00:00Z"));
            assertThat(hourly.latestAtOrBefore(ten)).contains(ten);
            assertThat(hourly.latestAtOrBefore(ten.plusMillis(1))).contains(ten);
            assertThat(hourly.latestAtOrBefore(ten.minusMillis(1))).contains(Instant.parse("2026-01-01T09:00:00Z"));
            assertThat(hourly.countSlots(ten, ten.plusSeconds(5 * 3600), 1000)).isEqualTo(6);
            assertThat(hourly.countSlots(ten, ten.plusSeconds(5 * 3600), 4)).isEqualTo(4);
        }

        @Test
        void anExpressionThatHasRunOutHasNoNextSlot() {
            CronSchedule past = quartz("0 0 12 * * ? 2020", UTC);
            assertThat(past.nextAfter(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
            assertThat(past.nextFireTimes(Instant.parse("2026-01-01T00:00:00Z"), 5)).isEmpty();
        }
    }

    /** DST: New York springs forward 2026-03-08 02:00→03:00 and falls back 2026-11-01 02:00→01:00. */
    @Nested
    class DaylightSaving {
        @Test
        void aDailySlotInsideTheSpringForwardGapDoesNotFireThatDay() {
            assertThat(next(unix("30 2 * * *", NEW_YORK), "2026-03-06T12:00", 3))
                    .containsExactly("2026-03-07T02:30-05:00", "2026-03-09T02:30-04:00", "2026-03-10T02:30-04:00");
            assertThat(next(quartz("0 30 2 * * ?", NEW_YORK), "2026-03-06T12:00", 2))
                    .containsExactly("2026-03-07T02:30-05:00", "2026-03-09T02:30-04:00");
            assertThat(next(unix("30 1 * * *", LONDON), "2026-03-28T12:00", 2)) // London: 01:00→02:00
                    .containsExactly("2026-03-30T01:30+01:00", "2026-03-31T01:30+01:00");
        }

        @Test
        void anHourlyScheduleHasNoSlotInTheGap() {
            assertThat(next(unix("0 * * * *", NEW_YORK), "2026-03-08T00:30", 3))
                    .containsExactly("2026-03-08T01:00-05:00", "2026-03-08T03:00-04:00", "2026-03-08T04:00-04:00");
        }

        @Test
        void aDailySlotInTheRepeatedHourFiresOnceAtItsFirstOccurrence() {
            assertThat(next(unix("30 1 * * *", NEW_YORK), "2026-10-31T12:00", 3))
                    .containsExactly("2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00", "2026-11-03T01:30-05:00");
            assertThat(next(quartz("0 30 1 * * ?", LONDON), "2026-10-24T12:00", 2))
                    .containsExactly("2026-10-25T01:30+01:00", "2026-10-26T01:30Z");
            assertThat(next(unix("30 1 * * *", SYDNEY), "2026-04-04T12:00", 2)) // southern autumn
                    .containsExactly("2026-04-05T01:30+11:00", "2026-04-06T01:30+10:00");
        }

        @Test
        void theAnswerDoesNotDependOnWhenInTheRepeatedHourOneAsks() {
            // cron-utils alone answers 01:30 EST here, a second fire of the same wall-clock time.
            CronSchedule daily = unix("30 1 * * *", NEW_YORK);
            Instant after = Instant.parse("2026-11-01T05:40:00Z"); // 01:40 EDT
            assertThat(daily.nextAfter(after)).contains(local("2026-11-02T01:30", NEW_YORK));
            Instant inSecondPass = Instant.parse("2026-11-01T06:10:00Z"); // 01:10 EST
            assertThat(daily.nextAfter(inSecondPass)).contains(local("2026-11-02T01:30", NEW_YORK));
            assertThat(daily.latestAtOrBefore(Instant.parse("2026-11-01T06:45:00Z"))) // 01:45 EST
                    .contains(Instant.parse("2026-11-01T05:30:00Z"));
        }

        @Test
        void severalSlotsInTheRepeatedHourEachFireOnce() {
            assertThat(next(unix("0,30 1 * * *", NEW_YORK), "2026-11-01T00:30", 3))
                    .containsExactly("2026-11-01T01:00-04:00", "2026-11-01T01:30-04:00", "2026-11-02T01:00-05:00");
        }

        @Test
        void anHourlyScheduleSkipsTheRepeatedHour() {
            assertThat(next(unix("0 * * * *", NEW_YORK), "2026-11-01T00:30", 3))
                    .containsExactly("2026-11-01T01:00-04:00", "2026-11-01T02:00-05:00", "2026-11-01T03:00-05:00");
            CronSchedule hourly = unix("0 * * * *", NEW_YORK);
            assertThat(hourly.latestAtOrBefore(Instant.parse("2026-11-01T06:30:00Z"))) // 01:30 EST
                    .contains(Instant.parse("2026-11-01T05:00:00Z")); // 01:00 EDT
        }

        @Test
        void aYearOfDailySlotsHasOneFirePerDay() {
            CronSchedule daily = unix("30 1 * * *", NEW_YORK);
            List<ZonedDateTime> year = daily.nextFireTimes(local("2025-12-31T12:00", NEW_YORK), 365);
            assertThat(year).extracting(ZonedDateTime::toLocalDate).doesNotHaveDuplicates();
            assertThat(year.get(364).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "61 * * * *     | minute       | 61  | value 61 not in range [0, 59]",
            "* 25 * * *     | hour         | 25  | value 25 not in range [0, 23]",
            "* * 32 * *     | day-of-month | 32  | value 32 not in range [1, 31]",
            "* * * 13 *     | month        | 13  | value 13 not in range [1, 12]",
            "* * * * 8      | day-of-week  | 8   | value 8 not in range [0, 7]",
            "5-2 * * * *    | minute       | 5-2 | invalid range",
            "abc * * * *    | minute       | abc | invalid chars",
        })
        void unixNamesTheFieldAndWhy(String expression, String field, String value, String why) {
            assertThatThrownBy(() -> unix(expression.strip(), UTC))
                    .isInstanceOfSatisfying(CronExpressionException.class, e -> {
                        assertThat(e.field()).isEqualTo(field);
                        assertThat(e.value()).isEqualTo(value);
                        assertThat(e.getMessage()).startsWith(field + " '" + value + "' (field ").containsIgnoringCase(why)
                                .contains("Unix fields are: minute hour day-of-month month day-of-week");
                    });
        }

        @Test
        void theWholeMessageReadsWell() {
            assertThatThrownBy(() -> unix("0 25 * * *", UTC)).hasMessage("hour '25' (field 2 of 5) in Unix cron"
                    + " expression '0 25 * * *': value 25 not in range [0, 23]. Unix fields are: minute hour"
                    + " day-of-month month day-of-week.");
        }

        @Test
        void wrongFieldCountSaysWhatIsNeededAndSuggestsTheOtherSyntax() {
            assertThatThrownBy(() -> unix("0 30 2 * * ?", UTC)).isInstanceOf(CronExpressionException.class)
                    .hasMessageContaining("has 6 fields; Unix needs 5 fields (minute hour day-of-month month day-of-week)")
                    .hasMessageContaining("If the first field is seconds, choose the Quartz syntax");
            assertThatThrownBy(() -> quartz("30 2 * * *", UTC))
                    .hasMessageContaining("has 5 fields; Quartz needs 6 or 7 fields")
                    .hasMessageContaining("add one (e.g. '0 30 2 * * *'");
            assertThatThrownBy(() -> unix("   ", UTC)).hasMessageContaining("the cron expression is empty");
        }

        @Test
        void quartzNamesItsFieldsIncludingYear() {
            assertThatThrownBy(() -> quartz("60 0 12 * * ?", UTC))
                    .hasMessageStartingWith("second '60' (field 1 of 6) in Quartz cron expression");
            assertThatThrownBy(() -> quartz("0 0 12 ? * MON 1960", UTC))
                    .isInstanceOfSatisfying(CronExpressionException.class, e -> assertThat(e.field()).isEqualTo("year"))
                    .hasMessageContaining("value 1960 not in range [1970, 2099]");
        }

        @Test
        void quartzDayFieldsMustHaveExactlyOneQuestionMark() {
            for (String expression : List.of("0 0 12 * * *", "0 0 12 ? * ?", "0 0 12 1 * MON")) {
                assertThatThrownBy(() -> quartz(expression, UTC))
                        .isInstanceOfSatisfying(CronExpressionException.class,
                                e -> assertThat(e.field()).isEqualTo("day-of-month and day-of-week"))
                        .hasMessageContaining("Quartz needs '?' in exactly one of the two day fields");
            }
        }
    }

    @Nested
    class Descriptions {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "UNIX   | */15 9-17 * * 1-5   | every 15 minutes every hour between 9 and 17 every day between Monday and Friday",
            "UNIX   | 0 2 * * *           | at 02:00",
            "QUARTZ | 0 15 10 ? * MON-FRI | at 10:15 every day between Monday and Friday",
            "QUARTZ | 0 15 10 L * ?       | at 10:15 last day of month",
        })
        void inEnglishWords(CronSyntax syntax, String expression, String words) {
            assertThat(CronSchedule.parse(expression, syntax, UTC).description()).isEqualTo(words);
        }

        @Test
        void extraSpacesAreCollapsed() {
            assertThat(unix("  0   2 * *  * ", UTC).expression()).isEqualTo("0 2 * * *");
        }
    }
}
