package org.patientgen.engine.api;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What a schedule is: when it fires and which job it submits each time. The cron expression is
 * checked against its syntax when the schedule is stored (the check needs the cron library, which
 * this package does not use); everything else is checked here.
 *
 * @param name           unique name, 1 to 200 characters
 * @param cronExpression when it fires, in {@code syntax}
 * @param syntax         Unix (5 fields) or Quartz (6–7 fields, with seconds)
 * @param timeZone       IANA zone whose wall clock the expression follows, e.g. {@code Europe/Berlin};
 *                       fixed offsets are refused because they ignore daylight saving
 * @param misfirePolicy  what to do about slots missed while no engine ran
 * @param template       the job submitted at each slot (its owner owns the submitted jobs)
 * @param enabled        whether it fires; a disabled schedule keeps its definition and history
 * @param population     whether each fire generates the template's population or a new one
 */
public record ScheduleDefinition(String name, String cronExpression, CronSyntax syntax, ZoneId timeZone,
                                 MisfirePolicy misfirePolicy, JobSubmission template, boolean enabled,
                                 PopulationPolicy population) {
    public ScheduleDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(cronExpression, "cronExpression");
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(misfirePolicy, "misfirePolicy");
        Objects.requireNonNull(template, "template");
        name = name.strip();
        cronExpression = cronExpression.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("schedule name must be 1 to 200 characters");
        }
        if (cronExpression.isEmpty() || cronExpression.length() > 200) {
            throw new IllegalArgumentException("cron expression must be 1 to 200 characters, e.g. '30 2 * * *'");
        }
        if (timeZone instanceof ZoneOffset) {
            throw new IllegalArgumentException("time zone '" + timeZone + "' is a fixed offset, which ignores daylight"
                    + " saving; use an IANA zone name such as Europe/Berlin or America/New_York, or UTC");
        }
    }

    /** A schedule whose fires all generate the template's population ({@link PopulationPolicy#SAME_EACH_FIRE}). */
    public ScheduleDefinition(String name, String cronExpression, CronSyntax syntax, ZoneId timeZone,
                              MisfirePolicy misfirePolicy, JobSubmission template, boolean enabled) {
        this(name, cronExpression, syntax, timeZone, misfirePolicy, template, enabled, PopulationPolicy.SAME_EACH_FIRE);
    }

    /** An enabled schedule that catches up missed slots with one job ({@link MisfirePolicy#RUN_ONCE}). */
    public static ScheduleDefinition of(String name, String cronExpression, CronSyntax syntax, ZoneId timeZone,
                                        JobSubmission template) {
        return new ScheduleDefinition(name, cronExpression, syntax, timeZone, MisfirePolicy.RUN_ONCE, template, true);
    }

    /** A copy with another misfire policy. */
    public ScheduleDefinition withMisfirePolicy(MisfirePolicy policy) {
        return new ScheduleDefinition(name, cronExpression, syntax, timeZone, policy, template, enabled, population);
    }

    /** A copy enabled or disabled. */
    public ScheduleDefinition withEnabled(boolean enable) {
        return new ScheduleDefinition(name, cronExpression, syntax, timeZone, misfirePolicy, template, enable,
                population);
    }

    /** A copy with another expression (and syntax). */
    public ScheduleDefinition withCron(String expression, CronSyntax cronSyntax) {
        return new ScheduleDefinition(name, expression, cronSyntax, timeZone, misfirePolicy, template, enabled,
                population);
    }

    /** A copy with another population policy. */
    public ScheduleDefinition withPopulation(PopulationPolicy policy) {
        return new ScheduleDefinition(name, cronExpression, syntax, timeZone, misfirePolicy, template, enabled, policy);
    }
}
