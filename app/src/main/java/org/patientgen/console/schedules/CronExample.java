package org.patientgen.console.schedules;

import java.util.List;
import org.patientgen.engine.api.CronSyntax;

/**
 * A ready-made cron expression the editor offers.
 *
 * @param words      what it means, shown in the menu
 * @param expression the expression
 * @param syntax     its syntax
 */
public record CronExample(String words, String expression, CronSyntax syntax) {
    /** The examples offered, Unix first. */
    public static final List<CronExample> ALL = List.of(
            new CronExample("Every day at 02:00", "0 2 * * *", CronSyntax.UNIX),
            new CronExample("Weekdays at 06:30", "30 6 * * 1-5", CronSyntax.UNIX),
            new CronExample("Every hour on the hour", "0 * * * *", CronSyntax.UNIX),
            new CronExample("Every 15 minutes, 9:00–17:59 on weekdays", "*/15 9-17 * * 1-5", CronSyntax.UNIX),
            new CronExample("Sundays at 23:00", "0 23 * * 0", CronSyntax.UNIX),
            new CronExample("Last day of the month at 22:00 (Quartz)", "0 0 22 L * ?", CronSyntax.QUARTZ),
            new CronExample("First Monday of the month at 07:00 (Quartz)", "0 0 7 ? * MON#1", CronSyntax.QUARTZ));

    @Override
    public String toString() {
        return words + "   " + expression;
    }
}
