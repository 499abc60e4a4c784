package org.patientgen.engine.module;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Time units of module delays, ages and durations. */
final class TimeUnits {
    private TimeUnits() {
    }

    static ChronoUnit parse(JsonField field) {
        String u = field.text().trim().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "years", "year" -> ChronoUnit.YEARS;
            case "months", "month" -> ChronoUnit.MONTHS;
            case "weeks", "week" -> ChronoUnit.WEEKS;
            case "days", "day" -> ChronoUnit.DAYS;
            case "hours", "hour" -> ChronoUnit.HOURS;
            case "minutes", "minute" -> ChronoUnit.MINUTES;
            case "seconds", "second" -> ChronoUnit.SECONDS;
            case "milliseconds", "millisecond" -> ChronoUnit.MILLIS;
            default -> throw field.error("unknown time unit '" + u + "'");
        };
    }

    /** Average length of one unit in milliseconds (years and months as mean Gregorian lengths). */
    static double millis(ChronoUnit unit) {
        return unit.getDuration().toMillis();
    }
}
