package org.patientgen.engine.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.jobs.JobQueuePolicy;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Schedules CRUD, enable/disable, run now, previews and audit; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ScheduleStoreTest {
    @Parameter
    Backend backend;

    StoreFixture db;
    JobStore jobs;
    ScheduleStore schedules;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend); // clock: 2026-01-05T09:00:00Z, a Monday
        jobs = new JobStore(db.pool.dataSource(), db.clock, JobQueuePolicy.DEFAULT);
        schedules = new ScheduleStore(db.pool.dataSource(), db.clock, jobs);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void createdScheduleReadsBackWithDescriptionAndNextSlotInItsZone() throws Exception {
        ScheduleDefinition nightly = Templates.unix("nightly", "0 6 * * 1-5", Templates.NEW_YORK, MisfirePolicy.SKIP);

        Schedule created = schedules.create(nightly, "alice");

        assertThat(created.definition()).isEqualTo(nightly);
        assertThat(created.owner()).isEqualTo("alice");
        assertThat(created.description()).isEqualTo("at 06:00 every day between Monday and Friday");
        // 09:00 UTC is 04:00 in New York; 06:00 EST is 11:00 UTC.
        assertThat(created.nextFireAt()).isEqualTo(Instant.parse("2026-01-05T11:00:00Z"));
        assertThat(created.createdAt()).isEqualTo(db.clock.instant());
        assertThat(schedules.get(created.id())).contains(created);
        assertThat(schedules.byName("nightly")).contains(created);
        assertThat(schedules.list()).containsExactly(created);
        assertThat(schedules.upcoming(created.id(), 3)).extracting(z -> z.toOffsetDateTime().toString())
                .containsExactly("2026-01-05T06:00-05:00", "2026-01-06T06:00-05:00", "2026-01-07T06:00-05:00");
    }

    @Test
    void quartzScheduleRoundTripsWithItsTemplatesRetryPolicy() throws Exception {
        RetryPolicy patient = new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofMinutes(3));
        ScheduleDefinition d = new ScheduleDefinition("month-end", "0 30 23 L * ?", CronSyntax.QUARTZ,
                ZoneId.of("Europe/Berlin"), MisfirePolicy.RUN_ONCE, Templates.job().withRetry(patient), true);
        Schedule s = schedules.create(d, "alice");
        assertThat(s.definition()).isEqualTo(d);
        assertThat(jobs.job(schedules.runNow(s.id(), "alice")).orElseThrow().submission().retry()).isEqualTo(patient);
        assertThat(s.description()).isEqualTo("at 23:30 last day of month");
        assertThat(s.nextFireAt()).isEqualTo(Instant.parse("2026-01-31T22:30:00Z"));
    }

    @Test
    void anInvalidExpressionIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        assertThatThrownBy(() -> schedules.create(Templates.unix("bad", "0 24 * * *", Templates.UTC,
                MisfirePolicy.SKIP), "alice"))
                .isInstanceOf(CronExpressionException.class).hasMessageStartingWith("hour '24' (field 2 of 5)");
        assertThat(schedules.list()).isEmpty();
        Schedule s = schedules.create(Templates.hourly("ok", MisfirePolicy.SKIP), "alice");
        assertThatThrownBy(() -> schedules.update(s.id(), s.definition().withCron("0 0 * * * ?", CronSyntax.UNIX), "bob"))
                .isInstanceOf(CronExpressionException.class).hasMessageContaining("choose the Quartz syntax");
        assertThat(schedules.get(s.id())).contains(s);
    }

    @Test
    void namesAreUnique() throws Exception {
        schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        Schedule other = schedules.create(Templates.hourly("other", MisfirePolicy.SKIP), "alice");
        assertThatThrownBy(() -> schedules.create(Templates.hourly("hourly", MisfirePolicy.RUN_ONCE), "bob"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a schedule named 'hourly' already exists; choose another name");
        assertThatThrownBy(() -> schedules.update(other.id(), Templates.hourly("hourly", MisfirePolicy.SKIP), "bob"))
                .hasMessage("a schedule named 'hourly' already exists; choose another name");
    }

    @Test
    void updateReplacesTheDefinitionAndRecomputesTheNextSlot() throws Exception {
        Schedule s = schedules.create(Templates.hourly("reports", MisfirePolicy.SKIP), "alice");
        db.clock.advance(Duration.ofMinutes(30));
        ScheduleDefinition daily = Templates.unix("daily-reports", "15 18 * * *", Templates.UTC, MisfirePolicy.RUN_ONCE);

        Schedule updated = schedules.update(s.id(), daily, "bob");

        assertThat(updated.definition()).isEqualTo(daily);
        assertThat(updated.nextFireAt()).isEqualTo(Instant.parse("2026-01-05T18:15:00Z"));
        assertThat(updated.updatedAt()).isEqualTo(db.clock.instant());
        assertThat(updated.createdAt()).isEqualTo(s.createdAt());
        assertThatThrownBy(() -> schedules.update(999, daily, "bob")).isInstanceOf(UnknownScheduleException.class)
                .hasMessage("schedule 999 does not exist");
    }

    @Test
    void disablingClearsTheNextSlotAndEnablingStartsFromNow() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.RUN_ONCE), "alice");
        Schedule disabled = schedules.setEnabled(s.id(), false, "alice");
        assertThat(disabled.definition().enabled()).isFalse();
        assertThat(disabled.nextFireAt()).isNull();

        db.clock.advance(Duration.ofHours(5).plusMinutes(10));
        Schedule enabled = schedules.setEnabled(s.id(), true, "alice");

        assertThat(enabled.nextFireAt()).isEqualTo(Instant.parse("2026-01-05T15:00:00Z"));
        assertThatThrownBy(() -> schedules.setEnabled(42, true, "alice")).isInstanceOf(UnknownScheduleException.class);
    }

    @Test
    void runNowSubmitsTheTemplateLabelledManualWithoutUsingASlot() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        schedules.setEnabled(s.id(), false, "alice"); // run now works on a disabled schedule too

        long jobId = schedules.runNow(s.id(), "carol");

        Job job = jobs.job(jobId).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.submission().spec()).isEqualTo(Templates.job().spec());
        assertThat(job.submission().owner()).isEqualTo("etl-bot");
        assertThat(job.submission().priority()).isEqualTo(2);
        assertThat(job.submission().labels())
                .containsEntry("team", "cardio").containsEntry("schedule", "hourly")
                .containsEntry("schedule.trigger", "manual").doesNotContainKey("schedule.slot");
        assertThat(schedules.fires(s.id(), 10)).isEmpty();
        assertThatThrownBy(() -> schedules.runNow(77, "carol")).isInstanceOf(UnknownScheduleException.class);
    }

    @Test
    void deleteRemovesTheScheduleButNotItsJobs() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        long jobId = schedules.runNow(s.id(), "alice");

        assertThat(schedules.delete(s.id(), "alice")).isTrue();
        assertThat(schedules.delete(s.id(), "alice")).isFalse();
        assertThat(schedules.get(s.id())).isEmpty();
        assertThat(jobs.job(jobId)).isPresent();
    }

    @Test
    void everyChangeIsAudited() throws Exception {
        Schedule s = schedules.create(Templates.hourly("hourly", MisfirePolicy.SKIP), "alice");
        schedules.update(s.id(), Templates.hourly("hourly", MisfirePolicy.RUN_ONCE), "bob");
        schedules.setEnabled(s.id(), false, "carol");
        schedules.setEnabled(s.id(), true, "carol");
        schedules.runNow(s.id(), "dave");
        schedules.delete(s.id(), "erin");

        assertThat(auditActions()).containsExactly("alice schedule.create", "bob schedule.update",
                "carol schedule.disable", "carol schedule.enable", "dave schedule.run-now", "erin schedule.delete");
    }

    private List<String> auditActions() throws Exception {
        List<String> result = new ArrayList<>();
        try (Connection c = db.pool.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT actor, action FROM audit_log"
                     + " WHERE target_type = 'schedule' ORDER BY id")) {
            while (rs.next()) {
                result.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return result;
    }
}
