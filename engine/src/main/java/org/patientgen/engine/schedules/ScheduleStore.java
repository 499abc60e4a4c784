package org.patientgen.engine.schedules;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.api.ScheduleFire;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;

/**
 * Durable cron schedules: create, read, change, enable and disable, delete, run now, and their
 * fire history. {@link ScheduleFirer} submits their jobs when slots come due.
 *
 * <p>Every stored schedule has a valid cron expression: creating or changing one with an invalid
 * expression throws {@link CronExpressionException} naming the field, and stores nothing.
 *
 * <p>The next slot is kept on the row ({@code next_fire_at}), computed from "now" whenever the
 * schedule is created, changed or enabled. So slots that passed while a schedule was disabled are
 * never fired: disabling is not downtime, and its misfire policy does not apply to them.
 */
public final class ScheduleStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Transactions tx;
    private final Clock clock;
    private final JobStore jobs;

    /**
     * @param dataSource the engine's pool
     * @param clock      "now" for next slots and audit entries
     * @param jobs       where "run now" submits
     */
    public ScheduleStore(DataSource dataSource, Clock clock, JobStore jobs) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /**
     * Stores a new schedule.
     *
     * @throws CronExpressionException  if the expression is invalid (which field, why)
     * @throws IllegalArgumentException if the name is taken
     */
    public Schedule create(ScheduleDefinition definition, String who) throws SQLException {
        CronSchedule cron = ScheduleRows.cron(definition);
        Instant now = clock.instant();
        try {
            long id = tx.run(c -> {
                long created;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO schedules (name, owner, cron_syntax,"
                        + " cron_expression, time_zone, misfire_policy, job_template, enabled, next_fire_at, created_at,"
                        + " updated_at, population_policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        new String[] {"id"})) {
                    ps.setString(1, definition.name());
                    ps.setString(2, who);
                    ps.setString(3, definition.syntax().name());
                    ps.setString(4, cron.expression());
                    ps.setString(5, definition.timeZone().getId());
                    ps.setString(6, definition.misfirePolicy().name());
                    ps.setString(7, JobTemplateJson.write(definition.template()));
                    ps.setBoolean(8, definition.enabled());
                    ps.setObject(9, Transactions.timestamp(nextSlot(definition, cron, now)));
                    ps.setObject(10, Transactions.timestamp(now));
                    ps.setObject(11, Transactions.timestamp(now));
                    ps.setString(12, definition.population().name());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        created = keys.getLong(1);
                    }
                }
                AuditLog.append(c, now, who, "schedule.create", "schedule", Long.toString(created), summary(definition));
                return created;
            });
            return get(id).orElseThrow();
        } catch (SQLException e) {
            throw nameTaken(e, definition);
        }
    }

    /**
     * Replaces a schedule's definition (rename, new expression, zone, policy, template or
     * enabled flag); its next slot is recomputed from now. Its fire history stays.
     *
     * @throws CronExpressionException  if the expression is invalid
     * @throws UnknownScheduleException if there is no such schedule
     * @throws IllegalArgumentException if the new name is taken by another schedule
     */
    public Schedule update(long id, ScheduleDefinition definition, String who) throws SQLException {
        CronSchedule cron = ScheduleRows.cron(definition);
        Instant now = clock.instant();
        try {
            tx.run(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE schedules SET name = ?, cron_syntax = ?,"
                        + " cron_expression = ?, time_zone = ?, misfire_policy = ?, job_template = ?, enabled = ?,"
                        + " next_fire_at = ?, updated_at = ?, population_policy = ? WHERE id = ?")) {
                    ps.setString(1, definition.name());
                    ps.setString(2, definition.syntax().name());
                    ps.setString(3, cron.expression());
                    ps.setString(4, definition.timeZone().getId());
                    ps.setString(5, definition.misfirePolicy().name());
                    ps.setString(6, JobTemplateJson.write(definition.template()));
                    ps.setBoolean(7, definition.enabled());
                    ps.setObject(8, Transactions.timestamp(nextSlot(definition, cron, now)));
                    ps.setObject(9, Transactions.timestamp(now));
                    ps.setString(10, definition.population().name());
                    ps.setLong(11, id);
                    if (ps.executeUpdate() == 0) {
                        throw new UnknownScheduleException(id);
                    }
                }
                AuditLog.append(c, now, who, "schedule.update", "schedule", Long.toString(id), summary(definition));
                return null;
            });
        } catch (SQLException e) {
            throw nameTaken(e, definition);
        }
        return get(id).orElseThrow(() -> new UnknownScheduleException(id));
    }

    /**
     * Enables or disables a schedule. Enabling computes the next slot from now: slots that passed
     * while it was disabled never fire.
     *
     * @throws UnknownScheduleException if there is no such schedule
     */
    public Schedule setEnabled(long id, boolean enabled, String who) throws SQLException {
        Instant now = clock.instant();
        tx.run(c -> {
            Schedule s = ScheduleRows.byId(c, id, true).orElseThrow(() -> new UnknownScheduleException(id));
            ScheduleDefinition d = s.definition().withEnabled(enabled);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE schedules SET enabled = ?, next_fire_at = ?, updated_at = ? WHERE id = ?")) {
                ps.setBoolean(1, enabled);
                ps.setObject(2, Transactions.timestamp(nextSlot(d, ScheduleRows.cron(d), now)));
                ps.setObject(3, Transactions.timestamp(now));
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, now, who, enabled ? "schedule.enable" : "schedule.disable", "schedule",
                    Long.toString(id), d.name());
            return null;
        });
        return get(id).orElseThrow(() -> new UnknownScheduleException(id));
    }

    /**
     * Deletes a schedule and its fire history; jobs it submitted stay.
     *
     * @return whether it existed
     */
    public boolean delete(long id, String who) throws SQLException {
        Instant now = clock.instant();
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM schedules WHERE id = ?")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            AuditLog.append(c, now, who, "schedule.delete", "schedule", Long.toString(id), "");
            return true;
        });
    }

    /**
     * Submits the schedule's job now, outside its cron slots (enabled or not). The job is labelled
     * {@code schedule.trigger=manual}; it is not a slot, so it neither counts as the next slot's
     * fire nor appears in {@link #fires}.
     *
     * @return the job's id
     * @throws UnknownScheduleException if there is no such schedule
     */
    public long runNow(long id, String who) throws SQLException {
        Instant now = clock.instant();
        return tx.run(c -> {
            Schedule s = ScheduleRows.byId(c, id, false).orElseThrow(() -> new UnknownScheduleException(id));
            JobSubmission job = ScheduleRows.labelled(s.definition(), "manual", null, now, 0);
            long jobId = jobs.submit(c, job);
            AuditLog.append(c, now, who, "schedule.run-now", "schedule", Long.toString(id), "job " + jobId);
            return jobId;
        });
    }

    /** The schedule, if it exists. */
    public Optional<Schedule> get(long id) throws SQLException {
        return tx.run(c -> ScheduleRows.byId(c, id, false));
    }

    /** The schedule with that name, if any. */
    public Optional<Schedule> byName(String name) throws SQLException {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ScheduleRows.COLUMNS
                    + " FROM schedules WHERE name = ?")) {
                ps.setString(1, name.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ScheduleRows.read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every schedule, by name. */
    public List<Schedule> list() throws SQLException {
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ScheduleRows.COLUMNS
                    + " FROM schedules ORDER BY name"); ResultSet rs = ps.executeQuery()) {
                List<Schedule> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(ScheduleRows.read(rs));
                }
                return result;
            }
        });
    }

    /**
     * The schedule's next {@code count} slots after now, in its zone, whether or not it is
     * enabled (a preview).
     */
    public List<ZonedDateTime> upcoming(long id, int count) throws SQLException {
        Schedule s = get(id).orElseThrow(() -> new UnknownScheduleException(id));
        return ScheduleRows.cron(s.definition()).nextFireTimes(clock.instant(), count);
    }

    /** The slots the schedule fired, newest first, at most {@code limit}. */
    public List<ScheduleFire> fires(long id, int limit) throws SQLException {
        return tx.run(c -> {
            return Rows.list(c, "SELECT schedule_id, slot_at, job_id, fired_at, fired_by"
                    + " FROM schedule_fires WHERE schedule_id = ? ORDER BY slot_at DESC FETCH FIRST ? ROWS ONLY",
                    rs -> {
                        long jobId = rs.getLong("job_id");
                        return new ScheduleFire(id, Transactions.instant(rs, "slot_at"),
                                rs.wasNull() ? null : jobId, Transactions.instant(rs, "fired_at"),
                                rs.getString("fired_by"));
                    }, id, Math.max(0, limit));
        });
    }

    private static Instant nextSlot(ScheduleDefinition d, CronSchedule cron, Instant now) {
        return d.enabled() ? cron.nextAfter(now).orElse(null) : null;
    }

    private static String summary(ScheduleDefinition d) {
        return d.syntax() + " '" + d.cronExpression() + "' " + d.timeZone() + ", misfire " + d.misfirePolicy()
                + (d.enabled() ? "" : ", disabled") + ", name " + d.name();
    }

    private static SQLException nameTaken(SQLException e, ScheduleDefinition d) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw new IllegalArgumentException("a schedule named '" + d.name() + "' already exists; choose another name",
                    e);
        }
        return e;
    }
}
