package org.patientgen.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.CronPreview;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.api.ConfigChanged;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolSettingsDraft;
import org.patientgen.engine.api.PoolStatus;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.testing.Await;
import org.patientgen.engine.testing.Populations;
import org.patientgen.engine.testing.TestDatabases;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** The in-process service end to end: a real engine node on H2 and on PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class LocalServiceTest {
    @Parameter
    Backend backend;

    @TempDir
    Path temp;

    Engine engine;
    PatientGenService alice;

    @BeforeEach
    void start() throws Exception {
        EngineConfig config = EngineConfig.defaults(temp.resolve("data"))
                .withDatabase(TestDatabases.fresh(backend))
                .withNode("test-node", "eu-test")
                .withWorkers(0, new ShardWorkers.Settings(Duration.ofSeconds(30), Duration.ofMillis(200),
                        Duration.ofMillis(20), Duration.ofSeconds(10)))
                .withTiming(Duration.ofMillis(200), Duration.ofMillis(50));
        engine = Engine.start(config);
        alice = engine.as("alice");
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private JobSubmission job(long population, int shardSize, String output, Map<String, String> labels) {
        return new JobSubmission(new GenerationSpec(population, 42, "MA", Populations.END_DATE, 10,
                List.of("fhir-ndjson"), "", temp.resolve(output).toString(), shardSize), 0, "alice", labels);
    }

    @Test
    void submittedJobRunsToCompletionAndEventsTellItsStory() throws Exception {
        List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (PatientGenService.Subscription ignored = alice.subscribe(Set.of(EventTopic.JOBS), events::add)) {
            Job job = alice.submit(job(40, 20, "out", Map.of("team", "cardio")));
            assertThat(job.state()).isEqualTo(JobState.QUEUED);
            assertThat(job.shards()).isEqualTo(2);
            alice.setWorkerConcurrency(2);
            assertThat(alice.workerConcurrency()).isEqualTo(2);

            Await.until(() -> alice.job(job.id()).state() == JobState.SUCCEEDED);
            Await.until(() -> events.stream().anyMatch(e -> e instanceof JobStateChanged c
                    && c.transition().to() == JobState.SUCCEEDED));

            assertThat(events).extracting(e -> ((JobStateChanged) e).transition().to())
                    .containsSubsequence(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
            assertThat(events).extracting(EngineEvent::sequence).isSorted().doesNotHaveDuplicates();
        }
        Job done = alice.jobs(JobQuery.all()).jobs().get(0);
        assertThat(done.patientsDone()).isEqualTo(40);
        assertThat(done.submission().labels()).containsEntry("team", "cardio");
        assertThat(alice.progress(done.id()).fraction()).isEqualTo(1.0);
        assertThat(alice.manifest(done.id())).contains("\"patientsDone\" : 40", "\"directory\" : \"shards/00001\"",
                "Patient.ndjson");
        assertThat(Files.readAllLines(temp.resolve("out/shards/00000/fhir/Patient.ndjson"))).hasSize(20);
    }

    @Test
    void jobListFiltersAndPagesNewestFirst() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(alice.submit(job(10, 10, "j" + i, Map.of("n", i % 2 == 0 ? "even" : "odd"))).id());
        }
        alice.cancel(ids.get(6), "not needed");

        JobPage first = alice.jobs(JobQuery.all().withLimit(3));
        assertThat(first.jobs()).extracting(Job::id).containsExactly(ids.get(6), ids.get(5), ids.get(4));
        JobPage second = alice.jobs(JobQuery.all().withLimit(3).withCursor(first.nextCursor()));
        assertThat(second.jobs()).extracting(Job::id).containsExactly(ids.get(3), ids.get(2), ids.get(1));
        JobPage last = alice.jobs(JobQuery.all().withLimit(3).withCursor(second.nextCursor()));
        assertThat(last.jobs()).extracting(Job::id).containsExactly(ids.get(0));
        assertThat(last.nextCursor()).isNull();

        assertThat(alice.jobs(JobQuery.all().withLabel("n", "even")).jobs()).extracting(Job::id)
                .containsExactly(ids.get(6), ids.get(4), ids.get(2), ids.get(0));
        assertThat(alice.jobs(JobQuery.all().withLabel("n", "even").withStates(Set.of(JobState.QUEUED))).jobs())
                .extracting(Job::id).containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(alice.jobs(JobQuery.all().withOwner("bob")).jobs()).isEmpty();
        assertThatThrownBy(() -> JobQuery.all().withCursor("page-2"))
                .hasMessageContaining("not one this server issued");
    }

    @Test
    void batchCallsReportEachItem() {
        long queued = alice.submit(job(10, 10, "a", Map.of())).id();
        long cancelled = alice.submit(job(10, 10, "b", Map.of())).id();
        alice.cancel(cancelled, "");

        List<BatchItemResult> results = alice.cancelAll(List.of(queued, cancelled, 999_999L), "cleanup");

        assertThat(results).extracting(BatchItemResult::outcome).containsExactly(BatchItemResult.Outcome.OK,
                BatchItemResult.Outcome.CONFLICT, BatchItemResult.Outcome.NOT_FOUND);
        assertThat(results.get(1).message()).contains("already CANCELLED");
        assertThat(alice.job(queued).state()).isEqualTo(JobState.CANCELLED);

        List<BatchItemResult> submitted = alice.submitAll(List.of(job(5, 5, "c", Map.of()),
                new JobSubmission(new GenerationSpec(5, 1, "Atlantis", Populations.END_DATE, 10, List.of("csv"), "",
                        temp.resolve("d").toString(), 5), 0, "alice", Map.of())));
        assertThat(submitted.get(0).ok()).isTrue();
        assertThat(submitted.get(0).jobId()).isNotNull();
        assertThat(submitted.get(1).outcome()).isEqualTo(BatchItemResult.Outcome.INVALID);
        assertThat(submitted.get(1).message()).contains("Atlantis");
    }

    @Test
    void mistakesComeBackAsTypedErrorsSayingWhatToDo() {
        assertThatThrownBy(() -> alice.job(424242)).isInstanceOfSatisfying(PatientGenException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> alice.submit(new JobSubmission(new GenerationSpec(5, 1, "MA", Populations.END_DATE,
                10, List.of("fhir-ndjson"), "", "relative/dir", 5), 0, "alice", Map.of())))
                .isInstanceOfSatisfying(PatientGenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
                    assertThat(e.getMessage()).contains("absolute path");
                });
        assertThatThrownBy(() -> alice.submit(new JobSubmission(new GenerationSpec(5, 1, "MA", Populations.END_DATE,
                10, List.of("xml"), "", temp.resolve("x").toString(), 5), 0, "alice", Map.of())))
                .isInstanceOfSatisfying(PatientGenException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID));
        long id = alice.submit(job(10, 10, "r", Map.of())).id();
        assertThatThrownBy(() -> alice.retry(id, "")).isInstanceOfSatisfying(PatientGenException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThatThrownBy(() -> alice.previewCron("61 * * * *", CronSyntax.UNIX, ZoneId.of("UTC"), 5))
                .isInstanceOfSatisfying(PatientGenException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID));
    }

    @Test
    void reprioritisingAndPoolChangesAppearAsConfigEvents() throws Exception {
        List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (PatientGenService.Subscription ignored = alice.subscribe(Set.of(EventTopic.CONFIG), events::add)) {
            long id = alice.submit(job(10, 10, "p", Map.of())).id();
            assertThat(alice.reprioritise(id, 50).submission().priority()).isEqualTo(50);
            PoolStatus before = alice.pool();
            PoolChange change = alice.applyPool(before.desired().toBuilder().maximumPoolSize(9).minimumIdle(2).build(),
                    "smaller pool");
            assertThat(change.appliedLive()).contains("maximumPoolSize");
            assertThat(alice.pool().revision()).isEqualTo(before.revision() + 1);

            Await.until(() -> events.stream().anyMatch(e -> ((ConfigChanged) e).action().equals("pool.apply")));
            assertThat(events).extracting(e -> ((ConfigChanged) e).action())
                    .containsSubsequence("job.reprioritise", "pool.apply");
            assertThat(events).allMatch(e -> e.topic() == EventTopic.CONFIG);
            assertThat(events).extracting(e -> ((ConfigChanged) e).actor()).contains("alice");
        }
        assertThat(alice.validatePool(PoolSettingsDraft.of(alice.pool().desired()))).isEmpty();
        List<SettingsProblem> problems = alice.validatePool(PoolSettingsDraft.of(alice.pool().desired().toBuilder()
                .validationTimeout(40_000)));
        assertThat(problems).extracting(SettingsProblem::field).containsExactly("validationTimeout");
    }

    @Test
    void cronPreviewAndWorkflowsWorkThroughTheService() {
        CronPreview preview = alice.previewCron("30 2 * * *", CronSyntax.UNIX, ZoneId.of("Europe/Berlin"), 3);
        assertThat(preview.description()).isNotBlank();
        assertThat(preview.nextFires()).hasSize(3).allMatch(t -> t.getHour() == 2 && t.getMinute() == 30);

        Workflow flow = alice.submitWorkflow(new WorkflowDefinition("nightly",
                List.of(new WorkflowNode("a", job(5, 5, "wa", Map.of())), new WorkflowNode("b", job(5, 5, "wb", Map.of()))),
                List.of(WorkflowEdge.of("a", "b"))));
        assertThat(flow.job("b").state()).isEqualTo(JobState.WAITING);
        assertThat(alice.workflows(10)).extracting(Workflow::id).containsExactly(flow.id());
        Workflow cancelled = alice.cancelWorkflow(flow.id(), "changed plans");
        assertThat(cancelled.finished()).isTrue();
        assertThatThrownBy(() -> alice.submitWorkflow(new WorkflowDefinition("loop",
                List.of(new WorkflowNode("a", job(5, 5, "la", Map.of())), new WorkflowNode("b", job(5, 5, "lb", Map.of()))),
                List.of(WorkflowEdge.of("a", "b"), WorkflowEdge.of("b", "a")))))
                .isInstanceOfSatisfying(PatientGenException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
                    assertThat(e.getMessage()).contains("a → b → a");
                });
    }

    @Test
    void metricsCountTheJobAndStreamEverySecond() throws Exception {
        List<EngineEvent> samples = Collections.synchronizedList(new ArrayList<>());
        try (PatientGenService.Subscription ignored = alice.subscribe(Set.of(EventTopic.METRICS), samples::add)) {
            Job job = alice.submit(job(30, 10, "m", Map.of()));
            alice.setWorkerConcurrency(1);
            Await.until(() -> alice.job(job.id()).state() == JobState.SUCCEEDED);
            Await.until(() -> alice.metrics().shardsCompletedTotal() == 3);
            Await.until(() -> samples.size() >= 2);
        }
        MetricsSnapshot now = alice.metrics();
        assertThat(now.patientsGeneratedTotal()).isEqualTo(30);
        assertThat(now.shardsClaimedTotal()).isEqualTo(3);
        assertThat(now.jobs(JobState.SUCCEEDED)).isEqualTo(1);
        assertThat(now.workerConcurrency()).isEqualTo(1);
        assertThat(samples).allMatch(e -> e instanceof MetricsSampled);
        assertThat(alice.metricsHistory(Duration.ofMinutes(5))).isNotEmpty()
                .allMatch(m -> !m.at().isAfter(now.at()));
        assertThatThrownBy(() -> alice.metricsHistory(Duration.ZERO)).isInstanceOf(PatientGenException.class);
    }

}
