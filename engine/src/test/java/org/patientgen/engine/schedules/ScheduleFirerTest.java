package org.patientgen.engine.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.PopulationPolicy;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleFire;
import org.patientgen.engine.jobs.JobQueuePolicy;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.persistence.Transactions;
import org.patientgen.engine.schedules.ScheduleFiring.Outcome;
import org.patientgen.engine.testing.MutableClock;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Firing due slots, misfire policies, DST through the firer, and a slot fired elsewhere; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ScheduleFirerTest {
    @Parameter
    Backend backend;

    StoreFixture db;
    JobStore jobs;
    ScheduleStore schedules;
    ScheduleFirer firer;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend); // clock: 2026-01-05T09:00:00Z
        jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        schedules = new ScheduleStore(db.pool.dataSource(), db.clock, jobs);
        firer = new ScheduleFirer(db.pool.dataSource(), db.clock, jobs, "node-a", ScheduleFirer.DEFAULT_GRACE);
    }

    @AfterEach
    void close() {
        firer.close();
        db.close();
    }

    @Test
    void aDueSlotFiresOnceAndTheScheduleMovesOn() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        assertThat(firer.tick()).isEmpty();
        db.clock.advance(Duration.ofMinutes(59));
        assertThat(firer.tick()).isEmpty();

        db.clock.advance(Duration.ofMinutes(1).plusSeconds(3)); // 10:00:03
        List<ScheduleFiring> fired = firer.tick();

        Instant ten = Instant.parse("2026-01-05T10:00:00Z");
        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.FIRED);
            assertThat(f.slot()).isEqualTo(ten);
            assertThat(f.slotsDue()).isEqualTo(1);
        });
        long jobId = fired.get(0).jobId();
        Job job = jobs.job(jobId).orElseThrow();
        assertThat(job.submission().spec()).isEqualTo(Templates.job().spec());
        assertThat(job.submission().owner()).isEqualTo("etl-bot");
        assertThat(job.submission().labels()).containsEntry("schedule", "hourly")
                .containsEntry("schedule.trigger", "cron").containsEntry("schedule.slot", "2026-01-05T10:00Z")
                .containsEntry("team", "cardio").doesNotContainKey("schedule.missed-slots");
        assertThat(schedules.fires(s.id(), 10))
                .containsExactly(new ScheduleFire(s.id(), ten, jobId, db.clock.instant(), "node-a"));
        assertThat(schedules.get(s.id()).orElseThrow().nextFireAt()).isEqualTo(ten.plusSeconds(3600));
        assertThat(firer.tick()).isEmpty();
    }

    @Test
    void newEachFireGivesEveryFireItsOwnSeedEndDateAndFolder() throws Exception {
        Schedule s = schedules.create(Templates.hourly("feed", MisfirePolicy.SKIP)
                .withPopulation(PopulationPolicy.NEW_EACH_FIRE), "alice");
        assertThat(schedules.get(s.id()).orElseThrow().definition().population())
                .as("stored").isEqualTo(PopulationPolicy.NEW_EACH_FIRE);
        GenerationSpec template = Templates.job().spec();

        db.clock.advance(Duration.ofHours(1)); // 10:00
        GenerationSpec first = jobs.job(firer.tick().get(0).jobId()).orElseThrow().submission().spec();
        db.clock.advance(Duration.ofHours(1)); // 11:00
        GenerationSpec second = jobs.job(firer.tick().get(0).jobId()).orElseThrow().submission().spec();

        Instant ten = Instant.parse("2026-01-05T10:00:00Z");
        assertThat(first.seed()).isEqualTo(PopulationPolicy.seedFor(template.seed(), ten.getEpochSecond()))
                .isNotEqualTo(template.seed()).isNotEqualTo(second.seed());
        assertThat(first.endDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(first.output()).isEqualTo(template.output() + "/2026-01-05T10-00-00+0000");
        assertThat(second.output()).isEqualTo(template.output() + "/2026-01-05T11-00-00+0000");
        assertThat(first).usingRecursiveComparison().ignoringFields("seed", "endDate", "output").isEqualTo(template);
        assertThat(PopulationPolicy.seedFor(template.seed(), ten.getEpochSecond()))
                .as("the same fire time, the same seed").isEqualTo(first.seed());
    }

    @Test
    void runOnceCatchesUpMissedSlotsWithOneJob() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.RUN_ONCE), "alice");
        db.clock.advance(Duration.ofHours(5).plusMinutes(30)); // down from 09:00 to 14:30: 10..14 missed

        List<ScheduleFiring> fired = firer.tick();

        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.FIRED);
            assertThat(f.slot()).isEqualTo(Instant.parse("2026-01-05T14:00:00Z"));
            assertThat(f.slotsDue()).isEqualTo(5);
        });
        assertThat(jobs.job(fired.get(0).jobId()).orElseThrow().submission().labels())
                .containsEntry("schedule.missed-slots", "5").containsEntry("schedule.slot", "2026-01-05T14:00Z");
        assertThat(schedules.fires(s.id(), 10)).hasSize(1);
        assertThat(schedules.get(s.id()).orElseThrow().nextFireAt()).isEqualTo(Instant.parse("2026-01-05T15:00:00Z"));
        assertThat(firer.tick()).isEmpty();
    }

    @Test
    void runOnceFiresEvenALongOverdueSingleSlot() throws Exception {
        schedules.create(Templates.unix("daily", "0 10 * * *", Templates.UTC, MisfirePolicy.RUN_ONCE), "alice");
        db.clock.advance(Duration.ofHours(20)); // 10:00 passed 19 hours ago

        assertThat(firer.tick()).singleElement().extracting(ScheduleFiring::outcome).isEqualTo(Outcome.FIRED);
    }

    @Test
    void skipDropsMissedSlotsAndFiresAtTheNextFutureSlot() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        db.clock.advance(Duration.ofHours(5).plusMinutes(30)); // 14:30

        assertThat(firer.tick()).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.MISSED_SKIPPED);
            assertThat(f.jobId()).isNull();
            assertThat(f.slotsDue()).isEqualTo(5);
        });
        assertThat(schedules.fires(s.id(), 10)).isEmpty();
        assertThat(schedules.get(s.id()).orElseThrow().nextFireAt()).isEqualTo(Instant.parse("2026-01-05T15:00:00Z"));

        db.clock.advance(Duration.ofMinutes(30).plusSeconds(45)); // 15:00:45, within the one-minute grace
        assertThat(firer.tick()).singleElement().extracting(ScheduleFiring::outcome).isEqualTo(Outcome.FIRED);
    }

    @Test
    void skipStillFiresTheLatestSlotWhenItIsWithinGrace() throws Exception {
        schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        db.clock.advance(Duration.ofHours(2).plusSeconds(20)); // 11:00:20: 10:00 missed, 11:00 on time

        assertThat(firer.tick()).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.FIRED);
            assertThat(f.slot()).isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
            assertThat(f.slotsDue()).isEqualTo(2);
        });
    }

    @Test
    void skipTreatsASingleSlotPastTheGraceAsMissed() throws Exception {
        schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        db.clock.advance(Duration.ofHours(1).plusMinutes(2)); // 10:02, two minutes late

        assertThat(firer.tick()).singleElement().extracting(ScheduleFiring::outcome).isEqualTo(Outcome.MISSED_SKIPPED);
    }

    @Test
    void aDisabledScheduleDoesNotFireAndReEnablingDoesNotCatchUp() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.RUN_ONCE), "alice");
        schedules.setEnabled(s.id(), false, "alice");
        db.clock.advance(Duration.ofHours(3));
        assertThat(firer.tick()).isEmpty();

        schedules.setEnabled(s.id(), true, "alice"); // 12:00:00 exactly: the next slot is 13:00
        assertThat(firer.tick()).isEmpty();
        db.clock.advance(Duration.ofHours(1));
        assertThat(firer.tick()).singleElement().extracting(ScheduleFiring::slot)
                .isEqualTo(Instant.parse("2026-01-05T13:00:00Z"));
    }

    @Test
    void aSlotAlreadyFiredElsewhereIsNotFiredAgainAndTheScheduleMovesOn() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        Instant ten = Instant.parse("2026-01-05T10:00:00Z");
        // Another node committed the fire row for 10:00 (its schedule update is what this node did not see).
        new Transactions(db.pool.dataSource()).run(c -> insertFire(c, s.id(), ten));
        db.clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(firer.tick()).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.FIRED_ELSEWHERE);
            assertThat(f.jobId()).isNull();
        });
        assertThat(jobs.job(1)).isEmpty();
        assertThat(schedules.fires(s.id(), 10)).extracting(ScheduleFire::firedBy).containsExactly("node-b");
        assertThat(schedules.get(s.id()).orElseThrow().nextFireAt()).isEqualTo(ten.plusSeconds(3600));
        assertThat(firer.tick()).isEmpty();
    }

    private static Void insertFire(Connection c, long scheduleId, Instant slot) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schedule_fires (schedule_id, slot_at, fired_at, fired_by) VALUES (?, ?, ?, 'node-b')")) {
            ps.setLong(1, scheduleId);
            ps.setObject(2, Transactions.timestamp(slot));
            ps.setObject(3, Transactions.timestamp(slot));
            ps.executeUpdate();
        }
        return null;
    }

    @Test
    void fallBackADailySlotInTheRepeatedHourFiresOnce() throws Exception {
        MutableClock clock = startAt("2026-10-31T12:00:00Z");
        Schedule s = schedules.create(Templates.unix("daily", "30 1 * * *", Templates.NEW_YORK,
                MisfirePolicy.SKIP), "alice");

        List<Instant> slots = tickEvery(clock, Duration.ofMinutes(5), Instant.parse("2026-11-02T12:00:00Z"));

        // 01:30 EDT on Nov 1 (05:30Z) — not again at 01:30 EST (06:30Z) — and 01:30 EST on Nov 2.
        assertThat(slots).containsExactly(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
        assertThat(schedules.fires(s.id(), 10)).hasSize(2);
    }

    @Test
    void fallBackAnHourlyScheduleFiresOncePerWallClockHour() throws Exception {
        MutableClock clock = startAt("2026-11-01T03:30:00Z"); // 23:30 EDT on Oct 31
        schedules.create(Templates.unix("hourly", "0 * * * *", Templates.NEW_YORK, MisfirePolicy.SKIP), "alice");

        List<Instant> slots = tickEvery(clock, Duration.ofMinutes(10), Instant.parse("2026-11-01T08:30:00Z"));

        assertThat(slots).containsExactly(Instant.parse("2026-11-01T04:00:00Z"), // 00:00 EDT
                Instant.parse("2026-11-01T05:00:00Z"),  // 01:00 EDT
                Instant.parse("2026-11-01T07:00:00Z"),  // 02:00 EST (01:00 EST is the same wall-clock hour)
                Instant.parse("2026-11-01T08:00:00Z")); // 03:00 EST
    }

    @Test
    void springForwardASlotInsideTheGapDoesNotFireThatDay() throws Exception {
        MutableClock clock = startAt("2026-03-07T12:00:00Z");
        schedules.create(Templates.unix("daily", "30 2 * * *", Templates.NEW_YORK, MisfirePolicy.RUN_ONCE), "alice");

        List<Instant> slots = tickEvery(clock, Duration.ofMinutes(15), Instant.parse("2026-03-10T12:00:00Z"));

        // 02:30 does not exist on Mar 8; Mar 9 and 10 fire at 02:30 EDT (06:30Z).
        assertThat(slots).containsExactly(Instant.parse("2026-03-09T06:30:00Z"), Instant.parse("2026-03-10T06:30:00Z"));
    }

    /** A fresh clock, store and firer starting at {@code start}. */
    private MutableClock startAt(String start) {
        MutableClock clock = new MutableClock(Instant.parse(start));
        jobs = new JobStore(db.pool.dataSource(), clock, JobQueuePolicy.DEFAULT);
        schedules = new ScheduleStore(db.pool.dataSource(), clock, jobs);
        firer = new ScheduleFirer(db.pool.dataSource(), clock, jobs, "node-a", ScheduleFirer.DEFAULT_GRACE);
        return clock;
    }

    /** Ticks the firer every {@code step} until {@code end}; returns the slots fired, in order. */
    private List<Instant> tickEvery(MutableClock clock, Duration step, Instant end) throws Exception {
        List<Instant> slots = new ArrayList<>();
        while (clock.instant().isBefore(end)) {
            clock.advance(step);
            for (ScheduleFiring f : firer.tick()) {
                assertThat(f.outcome()).isEqualTo(Outcome.FIRED);
                slots.add(f.slot());
            }
        }
        return slots;
    }
}
