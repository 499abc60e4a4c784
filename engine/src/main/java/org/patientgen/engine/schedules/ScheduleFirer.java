package org.patientgen.engine.schedules;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits the jobs of schedules whose slots have come due. Every engine node may run one; each
 * slot still fires once.
 *
 * <p><b>One fire per slot, across nodes.</b> Firing a slot is one transaction that (1) inserts the
 * row {@code (schedule, slot)} into {@code schedule_fires}, whose primary key admits it once,
 * (2) submits the job and (3) moves the schedule's {@code next_fire_at} on, guarded by the value
 * it read. A second node firing the same slot blocks on the first's uncommitted key and then fails
 * with a unique violation; a node that chose a different slot (its clock said a later one was
 * due) loses on the guard. Either way its transaction rolls back whole, so no job is submitted
 * without its fire row and vice versa, and the outcome is {@link ScheduleFiring.Outcome#FIRED_ELSEWHERE}.
 *
 * <p><b>Misfires.</b> The slot fired is the most recent one due. When the firer finds more than one
 * slot due, or the latest one due is older than the grace period, the engine was down or late:
 * {@link MisfirePolicy#RUN_ONCE} submits one job for all of them; {@link MisfirePolicy#SKIP}
 * submits nothing unless the latest slot is within the grace period. Either way the schedule moves
 * on to the first slot after now. Ticks must come much more often than the grace period (the
 * default: every 5 s against one minute).
 *
 * <p>Time comes from the injected clock only, so tests drive firing by moving a clock and calling
 * {@link #tick()}.
 */
public final class ScheduleFirer implements AutoCloseable {
    /** How late a slot may fire and still count as on time. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirer.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int COUNT_LIMIT = 1000;

    private final Transactions tx;
    private final Clock clock;
    private final JobStore jobs;
    private final String node;
    private final Duration grace;
    /** Guarded by {@code this}. */
    private ScheduledExecutorService ticker;

    /**
     * @param dataSource the engine's pool
     * @param clock      decides which slots are due
     * @param jobs       where jobs are submitted
     * @param node       this node's name, recorded on each fire
     * @param grace      how late a slot may fire and still count as on time (see {@link MisfirePolicy#SKIP})
     */
    public ScheduleFirer(DataSource dataSource, Clock clock, JobStore jobs, String node, Duration grace) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.node = Objects.requireNonNull(node, "node");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative, was " + grace);
        }
    }

    /**
     * Fires every enabled schedule that has a slot due now.
     *
     * @return what was done, one entry per due schedule
     */
    public List<ScheduleFiring> tick() throws SQLException {
        Instant now = clock.instant();
        List<ScheduleFiring> result = new ArrayList<>();
        for (Schedule due : due(now)) {
            try {
                result.add(fire(due, now));
            } catch (CronExpressionException e) {
                // Only possible if a newer cron library refuses a stored expression; keep the others firing.
                LOG.warn("schedule {} ({}) cannot fire: {}", due.id(), due.definition().name(), e.getMessage());
            }
        }
        return result;
    }

    private List<Schedule> due(Instant now) throws SQLException {
        return tx.run(c -> {
            return Rows.list(c, "SELECT " + ScheduleRows.COLUMNS + " FROM schedules"
                    + " WHERE enabled = TRUE AND next_fire_at <= ? ORDER BY next_fire_at, id",
                    ScheduleRows::read, Transactions.timestamp(now));
        });
    }

    private ScheduleFiring fire(Schedule schedule, Instant now) throws SQLException {
        ScheduleDefinition d = schedule.definition();
        CronSchedule cron = ScheduleRows.cron(d);
        Instant stored = schedule.nextFireAt();
        Instant slot = cron.latestAtOrBefore(now).filter(s -> !s.isBefore(stored)).orElse(stored);
        int slotsDue = cron.countSlots(stored, slot, COUNT_LIMIT);
        Instant next = cron.nextAfter(now).orElse(null);
        boolean late = Duration.between(slot, now).compareTo(grace) > 0;
        boolean submit = d.misfirePolicy() == MisfirePolicy.RUN_ONCE || !late;
        try {
            Long jobId = tx.run(c -> {
                Long submitted = null;
                if (submit) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO schedule_fires"
                            + " (schedule_id, slot_at, fired_at, fired_by) VALUES (?, ?, ?, ?)")) {
                        ps.setLong(1, schedule.id());
                        ps.setObject(2, Transactions.timestamp(slot));
                        ps.setObject(3, Transactions.timestamp(now));
                        ps.setString(4, node);
                        ps.executeUpdate();
                    }
                    submitted = jobs.submit(c, ScheduleRows.labelled(d, "cron", slot, slot, slotsDue));
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE schedule_fires SET job_id = ? WHERE schedule_id = ? AND slot_at = ?")) {
                        ps.setLong(1, submitted);
                        ps.setLong(2, schedule.id());
                        ps.setObject(3, Transactions.timestamp(slot));
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE schedules SET next_fire_at = ?"
                        + " WHERE id = ? AND enabled = TRUE AND next_fire_at = ?")) {
                    ps.setObject(1, Transactions.timestamp(next));
                    ps.setLong(2, schedule.id());
                    ps.setObject(3, Transactions.timestamp(stored));
                    if (ps.executeUpdate() == 0) {
                        throw new MovedOn();
                    }
                }
                AuditLog.append(c, now, node, submit ? "schedule.fire" : "schedule.misfire-skip", "schedule",
                        Long.toString(schedule.id()), "slot " + slot + ", " + slotsDue + " slot(s) due"
                                + (submitted == null ? ", none submitted" : ", job " + submitted));
                return submitted;
            });
            if (jobId != null) {
                LOG.info("schedule {} fired slot {} as job {}{}", d.name(), slot, jobId,
                        slotsDue > 1 ? " (catching up " + slotsDue + " missed slots)" : "");
                return new ScheduleFiring(schedule.id(), d.name(), slot, ScheduleFiring.Outcome.FIRED, jobId, slotsDue);
            }
            LOG.warn("schedule {} skipped {} missed slot(s) up to {} (misfire policy SKIP); next slot {}", d.name(),
                    slotsDue, slot, next);
            return new ScheduleFiring(schedule.id(), d.name(), slot, ScheduleFiring.Outcome.MISSED_SKIPPED, null,
                    slotsDue);
        } catch (MovedOn e) {
            LOG.debug("schedule {} slot {} was handled by another node", d.name(), slot);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            LOG.debug("schedule {} slot {} was fired by another node", d.name(), slot);
            moveOn(schedule.id(), stored, next);
        }
        return new ScheduleFiring(schedule.id(), d.name(), slot, ScheduleFiring.Outcome.FIRED_ELSEWHERE, null,
                slotsDue);
    }

    /**
     * Moves a schedule past a slot that already has its fire row. Normally the node that fired it
     * has done so already (and this changes nothing); but if the schedule was pointed back at a
     * fired slot (say, edited on a node whose clock lags), the unique key would otherwise refuse
     * the same slot on every tick and the schedule would never fire again.
     */
    private void moveOn(long scheduleId, Instant stored, Instant next) throws SQLException {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE schedules SET next_fire_at = ?"
                    + " WHERE id = ? AND enabled = TRUE AND next_fire_at = ?")) {
                ps.setObject(1, Transactions.timestamp(next));
                ps.setLong(2, scheduleId);
                ps.setObject(3, Transactions.timestamp(stored));
                return ps.executeUpdate();
            }
        });
    }

    /** The schedule's next slot changed under us: another node fired it, or a user changed or disabled it. */
    private static final class MovedOn extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MovedOn() {
            super(null, null, false, false);
        }
    }

    /**
     * Ticks every {@code interval} on a named daemon thread until {@link #close()}. A failing tick
     * (database unreachable) is logged and the next one tries again.
     */
    public synchronized void start(Duration interval) {
        if (ticker != null) {
            throw new IllegalStateException("schedule firer " + node + " is already running");
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule-firer-" + node);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("schedule firer {}: tick failed, retrying in {}: {}", node, interval, e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops ticking, waiting up to 10 s for a tick in progress. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = ticker;
            ticker = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("schedule firer {}: a tick is still running after 10 s", node);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
