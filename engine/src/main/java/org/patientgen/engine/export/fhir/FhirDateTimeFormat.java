package org.patientgen.engine.export.fhir;

import java.time.LocalDate;

/**
 * Formats simulation times (epoch milliseconds, UTC) as FHIR {@code instant}/{@code dateTime}
 * ({@code 2024-05-02T09:00:00Z}) and {@code date} ({@code 1967-03-14}) into a caller's char buffer.
 *
 * <p>Why not {@code DateTimeFormatter}: it allocates and resolves temporal fields on every call,
 * and exporters format several timestamps per resource at hundreds of thousands of resources a
 * second; writing digits straight into a reused buffer costs a few integer divisions. The
 * civil-date conversion is Howard Hinnant's {@code civil_from_days} (the arithmetic
 * {@link LocalDate#ofEpochDay} uses), valid for years 0000–9999.
 */
final class FhirDateTimeFormat {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** Longest output: {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
    static final int MAX_LENGTH = 24;

    private FhirDateTimeFormat() {
    }

    /**
     * Writes {@code millis} as {@code yyyy-MM-ddTHH:mm:ssZ}, with {@code .SSS} only when the time has
     * a sub-second part (keeps output lossless without cluttering whole-second simulation times).
     *
     * @return the number of chars written at {@code off}
     */
    static int formatInstant(long millis, char[] buf, int off) {
        long days = Math.floorDiv(millis, MILLIS_PER_DAY);
        int msOfDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        int p = formatEpochDay(days, buf, off);
        int secondsOfDay = msOfDay / 1000;
        buf[p++] = 'T';
        p = two(secondsOfDay / 3600, buf, p);
        buf[p++] = ':';
        p = two(secondsOfDay / 60 % 60, buf, p);
        buf[p++] = ':';
        p = two(secondsOfDay % 60, buf, p);
        int ms = msOfDay % 1000;
        if (ms != 0) {
            buf[p++] = '.';
            buf[p++] = (char) ('0' + ms / 100);
            p = two(ms % 100, buf, p);
        }
        buf[p++] = 'Z';
        return p - off;
    }

    /** Writes the UTC calendar date of {@code millis} as {@code yyyy-MM-dd}; returns chars written. */
    static int formatDate(long millis, char[] buf, int off) {
        return formatEpochDay(Math.floorDiv(millis, MILLIS_PER_DAY), buf, off) - off;
    }

    /** Writes {@code date} as {@code yyyy-MM-dd}; returns chars written. */
    static int formatDate(LocalDate date, char[] buf, int off) {
        return writeDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), buf, off) - off;
    }

    /** Writes the date of an epoch day; returns the position after it. */
    private static int formatEpochDay(long epochDay, char[] buf, int off) {
        // civil_from_days: shift the epoch to 0000-03-01 so leap days fall at the end of a year.
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        return writeDate(year, month, day, buf, off);
    }

    private static int writeDate(int year, int month, int day, char[] buf, int off) {
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year outside FHIR's 0000-9999 range: " + year);
        }
        int p = two(year / 100, buf, off);
        p = two(year % 100, buf, p);
        buf[p++] = '-';
        p = two(month, buf, p);
        buf[p++] = '-';
        return two(day, buf, p);
    }

    private static int two(int value, char[] buf, int p) {
        buf[p] = (char) ('0' + value / 10);
        buf[p + 1] = (char) ('0' + value % 10);
        return p + 2;
    }
}
