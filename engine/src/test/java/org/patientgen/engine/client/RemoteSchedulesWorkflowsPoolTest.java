package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patientgen.engine.client.Clients.job;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.CronPreview;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsDraft;
import org.patientgen.engine.api.PoolStatus;
import org.patientgen.engine.api.PopulationPolicy;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Schedules, workflows and the pool through the client against a real server, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class RemoteSchedulesWorkflowsPoolTest extends RealServerTest {
    @Test
    void schedulesRoundTripAndPreviewCron() throws Exception {
        start(0);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ScheduleDefinition nightly = ScheduleDefinition.of("nightly", "30 2 * * *", CronSyntax.UNIX, berlin,
                job(temp.resolve("nightly"), 5, 5, Map.of("kind", "nightly")));
        Schedule created = r.operator.createSchedule(nightly);
        assertThat(created.owner()).isEqualTo("olivia");
        assertThat(created.definition().template().spec().output()).isEqualTo(temp.resolve("nightly").toString());
        assertThat(created.definition().timeZone()).isEqualTo(berlin);
        assertThat(r.viewer.schedules()).extracting(Schedule::id).containsExactly(created.id());
        assertThat(r.viewer.schedule(created.id()).definition().cronExpression()).isEqualTo("30 2 * * *");

        List<ZonedDateTime> upcoming = r.viewer.upcomingFires(created.id(), 3);
        assertThat(upcoming).hasSize(3).allMatch(t -> t.getZone().equals(berlin) && t.getHour() == 2
                && t.getMinute() == 30);

        Schedule updated = r.operator.updateSchedule(created.id(), nightly.withCron("0 3 * * *", CronSyntax.UNIX));
        assertThat(updated.definition().cronExpression()).isEqualTo("0 3 * * *");
        assertThat(r.operator.setScheduleEnabled(created.id(), false).definition().enabled()).isFalse();
        Job ran = r.operator.runScheduleNow(created.id());
        assertThat(ran.state()).isEqualTo(JobState.QUEUED);
        assertThat(ran.submission().spec().output()).as("the template's population, in its folder")
                .isEqualTo(temp.resolve("nightly").toString());

        Schedule feed = r.operator.updateSchedule(created.id(), nightly.withPopulation(PopulationPolicy.NEW_EACH_FIRE));
        assertThat(feed.definition().population()).isEqualTo(PopulationPolicy.NEW_EACH_FIRE);
        Job fresh = r.operator.runScheduleNow(created.id());
        assertThat(fresh.submission().spec().output()).startsWith(temp.resolve("nightly") + "/");
        assertThat(fresh.submission().spec().seed()).isNotEqualTo(nightly.template().spec().seed());
        assertThat(r.viewer.scheduleFires(created.id(), 10)).isNotNull();

        CronPreview preview = r.viewer.previewCron("0 0 * * 1-5", CronSyntax.UNIX, ZoneId.of("America/New_York"), 2);
        assertThat(preview.nextFires()).hasSize(2);
        assertThat(preview.description()).isNotBlank();
        assertThat(r.viewer.previewCron("0 0 12 ? * MON-FRI", CronSyntax.QUARTZ, ZoneId.of("UTC"), 1).nextFires())
                .hasSize(1);
        assertThatThrownBy(() -> r.viewer.previewCron("99 * * * *", CronSyntax.UNIX, ZoneId.of("UTC"), 1))
                .isInstanceOfSatisfying(PatientGenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
                    assertThat(e.getMessage()).contains("99");
                });

        r.operator.deleteSchedule(created.id());
        assertThatThrownBy(() -> r.viewer.schedule(created.id())).isInstanceOfSatisfying(PatientGenException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> r.operator.deleteSchedule(created.id())).isInstanceOfSatisfying(
                PatientGenException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void workflowsRoundTripAndACycleIsInvalid() throws Exception {
        start(0);
        WorkflowNode a = new WorkflowNode("a", job(temp.resolve("wf/a"), 5, 5, Map.of()));
        WorkflowNode b = new WorkflowNode("b", job(temp.resolve("wf/b"), 5, 5, Map.of()));
        Workflow w = r.operator.submitWorkflow(new WorkflowDefinition("pair", List.of(a, b), List.of(WorkflowEdge.of("a",
                "b"))));
        assertThat(w.owner()).isEqualTo("olivia");
        assertThat(w.job("a").state()).isEqualTo(JobState.QUEUED);
        assertThat(w.job("b").state()).isEqualTo(JobState.WAITING);
        assertThat(r.viewer.workflow(w.id()).jobs()).hasSize(2);
        assertThat(r.viewer.workflows(10)).extracting(Workflow::id).containsExactly(w.id());

        WorkflowDefinition loop = new WorkflowDefinition("loop", List.of(a, b), List.of(WorkflowEdge.of("a", "b"),
                WorkflowEdge.of("b", "a")));
        assertThatThrownBy(() -> r.operator.submitWorkflow(loop)).isInstanceOfSatisfying(PatientGenException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
            assertThat(e.getMessage()).contains("cycle");
        });

        Workflow cancelled = r.operator.cancelWorkflow(w.id(), "no longer needed");
        assertThat(cancelled.finished()).isTrue();
        assertThat(cancelled.succeeded()).isFalse();
    }

    @Test
    void poolSettingsAreValidatedAppliedAndRolledBack() throws Exception {
        start(0);
        PoolStatus status = r.viewer.pool();
        long revisions = r.viewer.poolHistory().size();
        PoolSettings desired = status.desired();

        List<SettingsProblem> problems = r.viewer.validatePool(PoolSettingsDraft.of(desired.toBuilder()
                .connectionTimeout(100)));
        assertThat(problems).extracting(SettingsProblem::field).contains("connectionTimeout");
        assertThat(r.viewer.validatePool(PoolSettingsDraft.of(desired))).isEmpty();
        assertThat(r.viewer.poolHistory()).as("validation changes nothing").hasSize((int) revisions);

        PoolChange applied = r.admin.applyPool(desired.toBuilder().maximumPoolSize(8).minimumIdle(8).build(), "smaller");
        assertThat(applied.appliedLive()).contains("maximumPoolSize");
        assertThat(applied.revision().appliedBy()).isEqualTo("root");
        assertThat(r.viewer.pool().desired().maximumPoolSize()).isEqualTo(8);
        assertThat(r.viewer.poolHistory()).hasSize((int) revisions + 1);

        PoolChange back = r.admin.rollbackPool(revisions, "undo");
        assertThat(back.revision().rollbackOf()).isEqualTo(revisions);
        assertThat(r.viewer.pool().desired().maximumPoolSize()).isEqualTo(desired.maximumPoolSize());
        assertThat(r.admin.restartPool("apply staged").running()).isNotNull();

        r.admin.setWorkerConcurrency(1);
        assertThat(r.viewer.workerConcurrency()).isEqualTo(1);
        assertThatThrownBy(() -> r.operator.applyPool(desired, "not mine to change")).isInstanceOfSatisfying(
                PatientGenException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }
}
