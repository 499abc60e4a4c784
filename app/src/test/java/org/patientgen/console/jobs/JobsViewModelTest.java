package org.patientgen.console.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.console.testing.Eventually.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.LinkStatus;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.testing.FakeConnection;
import org.patientgen.console.testing.FakeDialogs;
import org.patientgen.console.testing.LocalEngines;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.RetryPolicy;

/** The jobs table's ViewModel on a real local engine, with same-thread tasks and a manual ticker. */
class JobsViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    final ManualTicker ticker = new ManualTicker();
    final FakeDialogs dialogs = new FakeDialogs();
    final List<Path> opened = new ArrayList<>();
    final Freshness freshness = new Freshness();
    final List<LocalEngineConnection> engines = new ArrayList<>();
    SimpleObjectProperty<Connection> active;
    JobsViewModel jobs;

    JobsViewModel open(int workers) {
        LocalEngineConnection engine = LocalEngines.in(temp.resolve("engine" + engines.size()), workers);
        engines.add(engine);
        active = new SimpleObjectProperty<>(engine);
        jobs = new JobsViewModel(active, SameThread.tasks(), ticker, dialogs, opened::add, freshness,
                Clock.systemDefaultZone());
        jobs.attach();
        return jobs;
    }

    @AfterEach
    void stop() {
        if (jobs != null) {
            jobs.detach();
        }
        engines.forEach(LocalEngineConnection::close);
    }

    PatientGenService service() {
        return active.get().service();
    }

    JobSubmission submission(long population, int shardSize, String output, Map<String, String> labels) {
        return new JobSubmission(new GenerationSpec(population, 7, "MA", LocalDate.of(2025, 6, 30), 5,
                List.of("fhir-ndjson"), "", temp.resolve(output).toString(), shardSize), 0, "tester", labels);
    }

    JobRow row(long id) {
        return jobs.rows().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Test
    void emptyEngineSaysHowToStart() {
        open(0);
        assertThat(jobs.connectedProperty().get()).isTrue();
        assertThat(jobs.rows()).isEmpty();
        assertThat(jobs.placeholderProperty().get()).startsWith("No jobs yet").contains("Submit job");
        assertThat(jobs.summaryProperty().get()).isEqualTo("0 jobs");
    }

    @Test
    void submittedJobRunsToCompletionInTheTableAndItsDetailTellsTheStory() throws Exception {
        open(1);
        SubmitJobViewModel form = jobs.newSubmission();
        form.start();
        form.populationProperty().set("20");
        form.shardSizeProperty().set("10");
        form.outputProperty().set(temp.resolve("out-a").toString());
        form.labelsProperty().set("team=cardio");
        List<Job> submitted = new ArrayList<>();
        form.submit(submitted::add);
        assertThat(form.submitErrorProperty().get()).isEmpty();
        assertThat(submitted).hasSize(1);
        jobs.submitted(submitted.get(0));
        long id = submitted.get(0).id();
        assertThat(row(id).state()).isIn(JobState.QUEUED, JobState.RUNNING);

        await(ticker, WAIT, "job to succeed", () -> row(id).state() == JobState.SUCCEEDED);
        JobRow done = row(id);
        assertThat(done.fractionProperty().get()).isEqualTo(1.0);
        assertThat(done.progressTextProperty().get()).isEqualTo("20 / 20");
        assertThat(done.startedProperty().get()).isNotNull();
        assertThat(done.finishedProperty().get()).isNotNull();
        assertThat(done.labelsProperty().get()).isEqualTo("team=cardio");
        assertThat(done.ownerProperty().get()).isEqualTo(active.get().user());
        assertThat(freshness.lastUpdateProperty().get()).isNotNull();

        jobs.openDetail(done);
        JobDetailViewModel detail = jobs.detailProperty().get();
        assertThat(detail.stateProperty().get()).isEqualTo(JobState.SUCCEEDED);
        assertThat(detail.shards()).hasSize(2).allMatch(s -> s.state() == org.patientgen.engine.api.ShardState.SUCCEEDED);
        assertThat(detail.shardSummaryProperty().get()).isEqualTo("2 succeeded");
        assertThat(detail.transitions()).extracting(t -> t.to())
                .containsSubsequence(JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(detail.failures()).isEmpty();
        assertThat(detail.manifestProperty().get()).isEmpty();
        detail.showManifest(true);
        assertThat(detail.manifestProperty().get()).contains("\"patientsDone\" : 20");
        assertThat(detail.manifestLines()).contains("  \"patientsDone\" : 20,")
                .hasSize((int) detail.manifestProperty().get().lines().count());
        assertThat(detail.logLines()).isEmpty();
        detail.showLog(true);
        assertThat(detail.logLines()).hasSize(2).allMatch(l -> l.contains("INFO   shard ")
                && l.contains(" of job " + id + " done on ") && l.contains(": 10 patients in "));
        assertThat(detail.parameters()).contains(new JobDetailViewModel.Field("Population", "20"));
        assertThat(detail.progressTextProperty().get()).startsWith("20 of 20 patients · 2 of 2 shards");
        assertThat(detail.canOpenFolderProperty().get()).isTrue();
        detail.openFolder();
        assertThat(opened).containsExactly(temp.resolve("out-a"));

        jobs.closeDetail();
        assertThat(jobs.detailProperty().get()).isNull();
    }

    @Test
    void aServerLinkThatComesBackReReadsTheJobsAtOnce() throws Exception {
        LocalEngineConnection engine = LocalEngines.in(temp.resolve("behind-server"), 0);
        engines.add(engine);
        PatientGenService real = engine.service();
        FakeConnection server = new FakeConnection("Lab", ConnectionKind.REMOTE);
        server.service = deaf(real);
        active = new SimpleObjectProperty<>(server);
        jobs = new JobsViewModel(active, SameThread.tasks(), ticker, dialogs, opened::add, freshness,
                Clock.systemDefaultZone());
        jobs.attach();
        assertThat(jobs.rows()).isEmpty();

        server.link(LinkStatus.lost("connection reset"));
        long missed = real.submit(submission(10, 10, "missed", Map.of())).id();
        ticker.tick();
        assertThat(jobs.rows()).as("no event came while the link was down").isEmpty();

        server.link(LinkStatus.CONNECTED);
        assertThat(jobs.rows()).extracting(JobRow::id).containsExactly(missed);
    }

    /** {@code service} with subscriptions that never deliver: a server whose events are lost. */
    private static PatientGenService deaf(PatientGenService service) {
        return (PatientGenService) Proxy.newProxyInstance(PatientGenService.class.getClassLoader(),
                new Class<?>[] {PatientGenService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("subscribe")) {
                        return (PatientGenService.Subscription) () -> { };
                    }
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void filterAndSearchNarrowTheTable() throws Exception {
        open(0);
        long a = service().submit(submission(10, 10, "a", Map.of("team", "cardio"))).id();
        long b = service().submit(submission(10, 10, "b", Map.of("team", "onco"))).id();
        long c = service().submit(submission(10, 10, "c", Map.of())).id();
        service().cancel(c, "not needed");
        await(ticker, WAIT, "three jobs", () -> jobs.rows().size() == 3 && row(c).state() == JobState.CANCELLED);
        assertThat(jobs.visibleRows()).extracting(JobRow::id).containsExactly(c, b, a);
        assertThat(jobs.summaryProperty().get()).isEqualTo("3 jobs · 2 queued");

        jobs.filterProperty().set(JobFilter.QUEUED);
        assertThat(jobs.visibleRows()).extracting(JobRow::id).containsExactly(b, a);
        jobs.searchProperty().set("CARDIO");
        assertThat(jobs.visibleRows()).extracting(JobRow::id).containsExactly(a);
        jobs.searchProperty().set("#" + b);
        assertThat(jobs.visibleRows()).extracting(JobRow::id).containsExactly(b);
        jobs.filterProperty().set(JobFilter.FAILED);
        assertThat(jobs.visibleRows()).isEmpty();
        assertThat(jobs.placeholderProperty().get()).startsWith("No job matches the filter");
    }

    @Test
    void bulkCancelAsksFirstAndReportsEachJob() throws Exception {
        open(0);
        long a = service().submit(submission(10, 10, "a", Map.of())).id();
        long b = service().submit(submission(10, 10, "b", Map.of())).id();
        long c = service().submit(submission(10, 10, "c", Map.of())).id();
        await(ticker, WAIT, "three jobs", () -> jobs.rows().size() == 3);
        jobs.selection().setAll(jobs.rows());
        assertThat(jobs.canCancelProperty().get()).isTrue();
        assertThat(jobs.canRetryProperty().get()).isFalse();

        dialogs.confirmAnswer = false;
        jobs.cancelSelected();
        assertThat(dialogs.confirmations).singleElement().satisfies(q -> {
            assertThat(q.header()).isEqualTo("Cancel 3 jobs?");
            assertThat(q.destructive()).isTrue();
        });
        assertThat(jobs.lastBulkProperty().get()).isNull();
        assertThat(service().job(a).state()).isEqualTo(JobState.QUEUED);

        // Job c ends behind the table's back: its item fails, the others succeed.
        service().cancel(c, "elsewhere");
        dialogs.confirmAnswer = true;
        jobs.cancelSelected();
        BulkOutcome outcome = jobs.lastBulkProperty().get();
        assertThat(outcome.results()).extracting(BatchItemResult::jobId).containsExactly(c, b, a);
        assertThat(outcome.results()).extracting(BatchItemResult::outcome).containsExactly(
                BatchItemResult.Outcome.CONFLICT, BatchItemResult.Outcome.OK, BatchItemResult.Outcome.OK);
        assertThat(outcome.summary()).isEqualTo("Cancel: 2 done, 1 failed");
        assertThat(outcome.lines().get(0)).startsWith("Job " + c + " (conflict): ");
        await(ticker, WAIT, "rows cancelled", () -> jobs.rows().stream().allMatch(r -> r.state() == JobState.CANCELLED));
        assertThat(jobs.canCancelProperty().get()).isFalse();
        jobs.dismissBulkOutcome();
        assertThat(jobs.lastBulkProperty().get()).isNull();
    }

    @Test
    void reprioritiseAsksForThePriority() throws Exception {
        open(0);
        long a = service().submit(submission(10, 10, "a", Map.of())).id();
        await(ticker, WAIT, "one job", () -> jobs.rows().size() == 1);
        jobs.selection().setAll(jobs.rows());
        assertThat(jobs.canReprioritiseProperty().get()).isTrue();

        dialogs.integerAnswer = OptionalInt.empty();
        jobs.reprioritiseSelected();
        assertThat(jobs.lastBulkProperty().get()).isNull();

        dialogs.integerAnswer = OptionalInt.of(250);
        jobs.reprioritiseSelected();
        assertThat(jobs.lastBulkProperty().get().summary()).isEqualTo("Priority 250: 1 done");
        await(ticker, WAIT, "new priority", () -> row(a).priorityProperty().get() == 250);
        assertThat(service().job(a).submission().priority()).isEqualTo(250);
    }

    @Test
    void failedJobCanBeRetried() throws Exception {
        open(1);
        // A file where the output's parent folder should be: the shard cannot write and fails.
        Path blocker = Files.writeString(temp.resolve("blocker"), "not a folder");
        JobSubmission doomed = submission(5, 5, "unused", Map.of()).withRetry(RetryPolicy.noRetry());
        doomed = new JobSubmission(new GenerationSpec(5, 7, "MA", LocalDate.of(2025, 6, 30), 5,
                List.of("fhir-ndjson"), "", blocker.resolve("out").toString(), 5), 0, "tester", Map.of(),
                RetryPolicy.noRetry());
        long id = service().submit(doomed).id();
        await(ticker, WAIT, "job to fail", () -> !jobs.rows().isEmpty() && row(id).state() == JobState.FAILED);

        jobs.selection().setAll(jobs.rows());
        assertThat(jobs.canRetryProperty().get()).isTrue();
        assertThat(jobs.canCancelProperty().get()).isFalse();
        jobs.retrySelected();
        assertThat(jobs.lastBulkProperty().get().summary()).isEqualTo("Retry: 1 done");
        assertThat(dialogs.confirmations).isEmpty();

        jobs.openDetail(row(id));
        JobDetailViewModel detail = jobs.detailProperty().get();
        assertThat(detail.failures()).isNotEmpty();
        assertThat(detail.failures().get(0).error()).isNotBlank();
    }

    @Test
    void switchingConnectionShowsTheOtherEnginesJobs() throws Exception {
        open(0);
        service().submit(submission(10, 10, "a", Map.of()));
        await(ticker, WAIT, "one job", () -> jobs.rows().size() == 1);

        LocalEngineConnection other = LocalEngines.in(temp.resolve("other"), 0);
        engines.add(other);
        other.service().submit(submission(10, 10, "b", Map.of()));
        other.service().submit(submission(10, 10, "c", Map.of()));
        active.set(other);
        await(ticker, WAIT, "the other engine's jobs", () -> jobs.rows().size() == 2);
        assertThat(jobs.rows()).allMatch(r -> r.job().submission().spec().output().startsWith(temp.resolve("b")
                .getParent().toString()));
    }

    @Test
    void detachReleasesTheTick() {
        open(0);
        assertThat(ticker.active()).isEqualTo(1);
        jobs.detach();
        assertThat(ticker.active()).isZero();
        jobs.attach();
        assertThat(ticker.active()).isEqualTo(1);
    }
}
