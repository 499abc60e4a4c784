package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patientgen.engine.client.Clients.await;
import static org.patientgen.engine.client.Clients.job;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.BatchItemResult.Outcome;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.LogQuery;
import org.patientgen.engine.api.LogRecorded;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Jobs through the client against a real server, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class RemoteJobsTest extends RealServerTest {
    @Test
    void aSubmittedJobCompletesAndItsEventsArriveInOrder() throws Exception {
        start(2);
        List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());
        Job job;
        try (RemoteSubscription subscription = r.viewer.subscribe(Set.of(EventTopic.JOBS), events::add)) {
            await(subscription::subscribed);
            assertThat(r.viewer.connectionStatus().state()).isEqualTo(ConnectionState.CONNECTED);

            job = r.operator.submit(job(temp.resolve("out"), 20, 10, Map.of("team", "cardio")));
            // The engine re-reads the job after queuing it, and with 2 workers one may have claimed it already.
            assertThat(job.state()).isIn(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
            assertThat(job.shards()).isEqualTo(2);
            assertThat(job.submission().owner()).as("the server owns jobs by token name").isEqualTo("olivia");

            await(() -> r.viewer.job(job.id()).state() == JobState.SUCCEEDED);
            await(() -> states(events, job.id()).contains(JobState.SUCCEEDED));
            assertThat(states(events, job.id())).containsSubsequence(JobState.QUEUED, JobState.RUNNING,
                    JobState.SUCCEEDED);
            List<Long> sequences = events.stream().map(EngineEvent::sequence).toList();
            assertThat(sequences).as("in the engine's order").isSorted();
        }
        Job done = r.viewer.job(job.id());
        assertThat(done.patientsDone()).isEqualTo(20);
        assertThat(Files.readAllLines(temp.resolve("out/shards/00001/fhir/Patient.ndjson"))).hasSize(10);
        assertThat(r.viewer.progress(done.id()).fraction()).isEqualTo(1.0);
        assertThat(r.viewer.shards(done.id())).hasSize(2);
        assertThat(r.viewer.transitions(done.id())).extracting(t -> t.to()).contains(JobState.SUCCEEDED);
        assertThat(r.viewer.failures(done.id())).isEmpty();
        assertThat(r.viewer.manifest(done.id())).contains("\"patientsDone\" : 20", "Patient.ndjson");
        List<LogRecorded> log = r.viewer.logs(LogQuery.forJob(done.id(), 50));
        assertThat(log).extracting(LogRecorded::message).as("one line per shard, remote and local alike")
                .anyMatch(m -> m.startsWith("shard 0 of job " + done.id() + " done on test-node: 10 patients in"))
                .anyMatch(m -> m.startsWith("shard 1 of job " + done.id() + " done on test-node: 10 patients in"));
        assertThat(log).allMatch(l -> l.jobId() == done.id());
        assertThat(r.server.engine.as("olivia").logs(LogQuery.forJob(done.id(), 50))).isEqualTo(log);
        assertThat(r.viewer.logs(new LogQuery("warn", null, done.id(), null, 50))).isEmpty();
        Job rerun = r.operator.rerun(done.id());
        assertThat(rerun.rerunOf()).isEqualTo(done.id());
        assertThat(r.viewer.info().node()).isEqualTo("test-node");
        assertThat(r.viewer.workerConcurrency()).isEqualTo(2);
    }

    private static List<JobState> states(List<EngineEvent> events, long jobId) {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof JobStateChanged).map(e -> ((JobStateChanged) e).transition())
                    .filter(t -> t.jobId() == jobId).map(t -> t.to()).toList();
        }
    }

    @Test
    void batchCallsReportEachItemAndListingsFilterAndPage() throws Exception {
        start(0);
        JobSubmission a = job(temp.resolve("a"), 10, 10, Map.of("team", "cardio"));
        JobSubmission atlantis = new JobSubmission(new org.patientgen.engine.api.GenerationSpec(5, 1, "Atlantis",
                java.time.LocalDate.of(2025, 6, 30), 10, List.of("fhir-ndjson"), "", temp.resolve("x").toString(), 5), 0,
                "x", Map.of());
        JobSubmission b = job(temp.resolve("b"), 10, 10, Map.of("team", "cardio"));
        List<BatchItemResult> submitted = r.operator.submitAll(List.of(a, atlantis, b));
        assertThat(submitted).extracting(BatchItemResult::outcome).containsExactly(Outcome.OK, Outcome.INVALID, Outcome.OK);
        assertThat(submitted).extracting(BatchItemResult::index).containsExactly(0, 1, 2);
        assertThat(submitted.get(1).message()).contains("Atlantis");
        long idA = submitted.get(0).jobId();
        long idB = submitted.get(2).jobId();
        assertThat(r.operator.submitAll(List.of())).isEmpty();

        assertThat(r.operator.reprioritiseAll(List.of(idA, 999_999L), 7)).extracting(BatchItemResult::outcome)
                .containsExactly(Outcome.OK, Outcome.NOT_FOUND);
        assertThat(r.operator.cancelAll(List.of(idB, idB), "not needed")).extracting(BatchItemResult::outcome)
                .containsExactly(Outcome.OK, Outcome.CONFLICT);
        assertThat(r.operator.retryAll(List.of(idA), "again")).extracting(BatchItemResult::outcome)
                .containsExactly(Outcome.CONFLICT);

        assertThat(r.viewer.jobs(JobQuery.all().withStates(EnumSet.of(JobState.CANCELLED))).jobs()).extracting(Job::id)
                .containsExactly(idB);
        assertThat(r.viewer.jobs(JobQuery.all().withLabel("team", "cardio").withOwner("olivia")).jobs())
                .extracting(Job::id).containsExactly(idB, idA);
        JobPage first = r.viewer.jobs(JobQuery.all().withLimit(1));
        assertThat(first.jobs()).extracting(Job::id).containsExactly(idB);
        JobPage second = r.viewer.jobs(JobQuery.all().withLimit(1).withCursor(first.nextCursor()));
        assertThat(second.jobs()).extracting(Job::id).containsExactly(idA);
        assertThat(second.nextCursor()).isNull();
        assertThat(r.viewer.jobs(JobQuery.all().withSubmitted(Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2000-01-02T00:00:00Z"))).jobs()).isEmpty();

        assertThat(r.operator.reprioritise(idA, -3).submission().priority()).isEqualTo(-3);
        assertThat(r.operator.cancel(idA, "stop").state()).isEqualTo(JobState.CANCELLED);
        assertThatThrownBy(() -> r.operator.cancel(idA, "again")).isInstanceOfSatisfying(PatientGenException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThatThrownBy(() -> r.operator.retry(idA, "not failed")).isInstanceOfSatisfying(PatientGenException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThatThrownBy(() -> r.viewer.job(424_242)).isInstanceOfSatisfying(PatientGenException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void batchesLargerThanTheServerTakesAreSplitAndNumberedAsOne() throws Exception {
        start(0);
        List<JobSubmission> many = new ArrayList<>();
        for (int i = 0; i < 1_003; i++) {
            many.add(job(temp.resolve("many/" + i), 1, 1, Map.of()));
        }
        List<BatchItemResult> results = r.operator.submitAll(many);
        assertThat(results).hasSize(1_003).allMatch(BatchItemResult::ok);
        assertThat(results.get(1_002).index()).isEqualTo(1_002);
        List<Long> ids = results.stream().map(BatchItemResult::jobId).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }
}
