package org.patientgen.console.pool;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pool timeouts as people read and type them. HikariCP counts milliseconds; the form shows
 * {@code 30 s}, {@code 10 min}, {@code 250 ms} — exact, never rounded — and reads the same back, as
 * well as {@code 1 min 30 s}, {@code 1.5 min}, {@code 90s} or a bare number of milliseconds
 * ({@code 30000}, HikariCP's own unit).
 */
public final class DurationText {
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final Pattern PART = Pattern.compile(
            "\\s*(-?\\d+(?:\\.\\d+)?)\\s*(milliseconds?|millis|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)?\\s*");

    private DurationText() {
    }

    /**
     * The largest unit that states {@code ms} exactly: {@code 2 h}, {@code 10 min}, {@code 90 s},
     * {@code 1500 ms}, {@code 0 ms}.
     */
    public static String format(long ms) {
        if (ms != 0 && ms % HOUR == 0) {
            return ms / HOUR + " h";
        }
        if (ms != 0 && ms % MINUTE == 0) {
            return ms / MINUTE + " min";
        }
        if (ms != 0 && ms % SECOND == 0) {
            return ms / SECOND + " s";
        }
        return ms + " ms";
    }

    /**
     * Milliseconds of {@code text}: one or more number–unit pairs ({@code 1 min 30 s}); a number
     * without a unit is milliseconds.
     *
     * @throws IllegalArgumentException with a message saying how to write it
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(",", "").replace("_", "");
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Enter a time, e.g. 30 s, 10 min or 250 ms.");
        }
        Matcher m = PART.matcher(t);
        BigDecimal total = BigDecimal.ZERO;
        int at = 0;
        int parts = 0;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at || m.end() == at) {
                throw unreadable(text);
            }
            String unit = m.group(2);
            boolean alone = parts == 0 && m.end() == t.length();
            if ((unit == null || m.group(1).startsWith("-")) && !alone) {
                throw unreadable(text);
            }
            total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis(unit))));
            at = m.end();
            parts++;
        }
        try {
            return total.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a whole number of milliseconds (or is far too long).", e);
        }
    }

    private static long unitMillis(String unit) {
        if (unit == null || unit.startsWith("ms") || unit.startsWith("milli")) {
            return 1;
        }
        if (unit.startsWith("s")) {
            return SECOND;
        }
        if (unit.startsWith("m")) {
            return MINUTE;
        }
        return HOUR;
    }

    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException("\"" + text.strip() + "\" is not a time: write e.g. 30 s, 10 min, 1 min 30 s,"
                + " 250 ms, or a number of milliseconds.");
    }
}
