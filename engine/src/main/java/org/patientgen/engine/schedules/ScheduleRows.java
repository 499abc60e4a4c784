package org.patientgen.engine.schedules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.PopulationPolicy;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.persistence.Transactions;

/** SQL and row mapping shared by the schedule store and the firer. */
final class ScheduleRows {
    static final String COLUMNS = "id, name, owner, cron_syntax, cron_expression, time_zone, misfire_policy,"
            + " job_template, enabled, next_fire_at, created_at, updated_at, population_policy";
    /**
     * A fire's folder name: its time in the schedule's zone to the second (two manual runs a minute
     * apart get folders of their own), e.g. {@code 2026-11-28T02-30-00+0100}; no colons, for Windows.
     */
    private static final DateTimeFormatter FIRE_FOLDER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ssZ");

    private ScheduleRows() {
    }

    static Schedule read(ResultSet rs) throws SQLException {
        ScheduleDefinition definition = new ScheduleDefinition(rs.getString("name"), rs.getString("cron_expression"),
                CronSyntax.valueOf(rs.getString("cron_syntax")), ZoneId.of(rs.getString("time_zone")),
                MisfirePolicy.valueOf(rs.getString("misfire_policy")),
                JobTemplateJson.read(rs.getString("job_template")), rs.getBoolean("enabled"),
                PopulationPolicy.valueOf(rs.getString("population_policy")));
        return new Schedule(rs.getLong("id"), definition, rs.getString("owner"), describe(definition),
                Transactions.instant(rs, "next_fire_at"), Transactions.instant(rs, "created_at"),
                Transactions.instant(rs, "updated_at"));
    }

    /** The description in words; a stored expression a newer cron library refuses is described as such. */
    static String describe(ScheduleDefinition d) {
        try {
            return cron(d).description();
        } catch (CronExpressionException e) {
            return "invalid: " + e.getMessage();
        }
    }

    static CronSchedule cron(ScheduleDefinition d) {
        return CronSchedule.parse(d.cronExpression(), d.syntax(), d.timeZone());
    }

    static Optional<Schedule> byId(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM schedules WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * The job a fire submits: the template — with, under {@link PopulationPolicy#NEW_EACH_FIRE}, the
     * seed, end date and output folder of {@code firedAt} — and labels that trace it back to its
     * schedule: {@code schedule} (the name), {@code schedule.trigger} ({@code cron} or
     * {@code manual}) and, for cron fires, {@code schedule.slot} (the slot in the schedule's zone)
     * and {@code schedule.missed-slots} when one job catches up several.
     *
     * @param slot    the cron slot, or {@code null} for a manual run
     * @param firedAt the slot, or the time of a manual run
     */
    static JobSubmission labelled(ScheduleDefinition d, String trigger, Instant slot, Instant firedAt,
                                  int slotsCovered) {
        JobSubmission t = d.template();
        Map<String, String> labels = new TreeMap<>(t.labels());
        labels.put("schedule", d.name());
        labels.put("schedule.trigger", trigger);
        if (slot != null) {
            labels.put("schedule.slot", slot.atZone(d.timeZone()).toOffsetDateTime().toString());
        }
        if (slotsCovered > 1) {
            labels.put("schedule.missed-slots", Integer.toString(slotsCovered));
        }
        GenerationSpec spec = t.spec();
        if (d.population() == PopulationPolicy.NEW_EACH_FIRE) {
            ZonedDateTime at = firedAt.atZone(d.timeZone());
            spec = new GenerationSpec(spec.population(), PopulationPolicy.seedFor(spec.seed(), firedAt.getEpochSecond()),
                    spec.state(), at.toLocalDate(), spec.yearsOfHistory(), spec.formats(), spec.modules(),
                    subfolder(spec.output(), FIRE_FOLDER.format(at)), spec.shardSize());
        }
        return new JobSubmission(spec, t.priority(), t.owner(), labels, t.retry());
    }

    private static String subfolder(String output, String name) {
        return output.endsWith("/") || output.endsWith("\\") ? output + name : output + "/" + name;
    }
}
