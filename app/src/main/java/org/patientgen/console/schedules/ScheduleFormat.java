package org.patientgen.console.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.patientgen.console.jobs.JobFormat;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.MisfirePolicy;

/** How the schedules screen writes fire times, zones, syntaxes and misfire policies. */
public final class ScheduleFormat {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss zzz",
            Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private ScheduleFormat() {
    }

    /**
     * A fire time in its zone with how far off it is: {@code Mon 5 Jan 2026, 06:00 CET (in 3 h 12 min)};
     * seconds only when {@code withSeconds} (Quartz expressions can fire at any second).
     */
    public static String fire(ZonedDateTime at, Instant now, boolean withSeconds) {
        return (withSeconds ? SECOND : MINUTE).format(at) + " (" + relative(at.toInstant(), now) + ")";
    }

    /** Whether any of these times is not on a whole minute. */
    public static boolean anySeconds(List<ZonedDateTime> times) {
        return times.stream().anyMatch(t -> t.getSecond() != 0);
    }

    /** {@code in 3 h 12 min}, {@code 5 min ago}, {@code now}. */
    public static String relative(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        if (d.abs().compareTo(Duration.ofSeconds(1)) < 0) {
            return "now";
        }
        return d.isNegative() ? JobFormat.duration(d.negated()) + " ago" : "in " + JobFormat.duration(d);
    }

    /** A fire time in a schedule's zone, short: {@code 5 Jan 06:00}; {@link JobFormat#NONE} for none. */
    public static String shortTime(Instant at, ZoneId zone) {
        return at == null ? JobFormat.NONE : SHORT.format(at.atZone(zone));
    }

    /**
     * The zone's offset now and its names: {@code Now UTC+01:00, CET (Central European Time)}, with
     * {@code , daylight saving} while it applies; {@code UTC+00:00 all year, no daylight saving}.
     */
    public static String zoneNow(ZoneId zone, Instant now) {
        ZonedDateTime here = now.atZone(zone);
        String offset = "UTC" + (here.getOffset().getTotalSeconds() == 0 ? "+00:00" : here.getOffset().getId());
        if (zone.getRules().isFixedOffset()) {
            return offset + " all year, no daylight saving";
        }
        String shortName = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(here);
        String name = zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String daylight = zone.getRules().isDaylightSavings(now) ? ", daylight saving" : "";
        return "Now " + offset + daylight + ", " + shortName + (name.equals(zone.getId()) ? "" : " (" + name + ")");
    }

    /** The syntax's name in a list. */
    public static String syntax(CronSyntax syntax) {
        return syntax == CronSyntax.UNIX ? "Unix (5 fields)" : "Quartz (6–7 fields)";
    }

    /** What the fields of a syntax are, with an example. */
    public static String syntaxHint(CronSyntax syntax) {
        return syntax == CronSyntax.UNIX
                ? "Fields: minute hour day-of-month month day-of-week. E.g. 30 2 * * 1-5 is 02:30 on weekdays."
                : "Fields: second minute hour day-of-month month day-of-week [year], with ? in one of the day"
                        + " fields. E.g. 0 30 2 ? * MON-FRI is 02:30 on weekdays.";
    }

    /** A misfire policy's name in a list. */
    public static String misfire(MisfirePolicy policy) {
        return policy == MisfirePolicy.RUN_ONCE ? "Run once" : "Skip";
    }

    /** A misfire policy in one line: what happens to fire times missed while no engine ran. */
    public static String misfireExplanation(MisfirePolicy policy) {
        return policy == MisfirePolicy.RUN_ONCE
                ? "Fire times missed while no engine ran get one job in total as soon as an engine runs again;"
                        + " then the schedule carries on."
                : "Fire times missed while no engine ran are skipped: no job for them; the schedule carries on"
                        + " with the next one.";
    }
}
