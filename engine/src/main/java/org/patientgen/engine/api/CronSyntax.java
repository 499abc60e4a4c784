package org.patientgen.engine.api;

/** The cron dialect a schedule's expression is written in. */
public enum CronSyntax {
    /**
     * Classic Unix cron, 5 fields: {@code minute hour day-of-month month day-of-week}, e.g.
     * {@code 30 2 * * 1-5} (02:30 on weekdays). When both day fields are restricted, a day matching
     * either fires (as in Vixie cron).
     */
    UNIX,
    /**
     * Quartz, 6 or 7 fields: {@code second minute hour day-of-month month day-of-week [year]}, with
     * {@code ?} in exactly one of the two day fields, e.g. {@code 0 30 2 ? * MON-FRI}. Also knows
     * {@code L} (last), {@code W} (nearest weekday) and {@code #} (n-th weekday of the month).
     */
    QUARTZ
}
