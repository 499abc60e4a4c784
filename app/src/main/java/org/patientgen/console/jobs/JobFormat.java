package org.patientgen.console.jobs;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How the jobs screens write numbers, rates, durations and times. */
public final class JobFormat {
    /** Shown where a value does not apply or is not known yet. */
    public static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private JobFormat() {
    }

    /** {@code 12,345}. */
    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** {@code 1,234/s}, or {@link #NONE} for no rate. */
    public static String rate(double perSecond) {
        if (!(perSecond > 0)) {
            return NONE;
        }
        return count(Math.round(perSecond)) + "/s";
    }

    /**
     * Short and only as precise as useful: {@code 45 s}, {@code 3 min 05 s}, {@code 12 min},
     * {@code 2 h 07 min}, {@code 3 d 4 h}; a zero remainder is left out ({@code 10 min}, {@code 2 h}).
     */
    public static String duration(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 10) {
            return s % 60 == 0 ? m + " min" : m + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s";
        }
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        if (h < 48) {
            return m % 60 == 0 ? h + " h" : h + " h " + String.format(Locale.ROOT, "%02d", m % 60) + " min";
        }
        return h % 24 == 0 ? h / 24 + " d" : h / 24 + " d " + h % 24 + " h";
    }

    /** The time of day for today's instants, else date and minute; {@link #NONE} for {@code null}. */
    public static String instant(Instant at, ZoneId zone, LocalDate today) {
        if (at == null) {
            return NONE;
        }
        ZonedDateTime local = at.atZone(zone);
        return local.toLocalDate().equals(today) ? TIME.format(local) : DATE_TIME.format(local);
    }

    /** {@code team=cardio, tier=gold}. */
    public static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
