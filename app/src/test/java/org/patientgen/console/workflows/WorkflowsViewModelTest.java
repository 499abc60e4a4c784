package org.patientgen.console.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.console.testing.Eventually.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.testing.FakeDialogs;
import org.patientgen.console.testing.LocalEngines;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;
import org.patientgen.console.workflows.WorkflowDiagram.NodeView;
import org.patientgen.console.workflows.WorkflowDiagram.Selection;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;

/** The workflows screen's ViewModel on a real local engine, with same-thread tasks and a manual ticker. */
class WorkflowsViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;
    final ManualTicker ticker = new ManualTicker();
    final FakeDialogs dialogs = new FakeDialogs();
    LocalEngineConnection engine;
    WorkflowsViewModel workflows;

    WorkflowsViewModel open(int workers) {
        engine = LocalEngines.in(temp.resolve("engine"), workers);
        workflows = new WorkflowsViewModel(new SimpleObjectProperty<Connection>(engine), SameThread.tasks(), ticker,
                dialogs, new Freshness(), Clock.systemDefaultZone());
        workflows.attach();
        return workflows;
    }

    @AfterEach
    void stop() {
        if (workflows != null) {
            workflows.detach();
        }
        if (engine != null) {
            engine.close();
        }
    }

    JobState stateOf(String node) {
        return workflows.diagramProperty().get().nodes().stream().filter(n -> n.name().equals(node))
                .map(NodeView::state).findFirst().orElseThrow();
    }

    Workflow submitDirectly(String name) {
        JobSubmission job = new JobSubmission(new GenerationSpec(10, 1, "MA", LocalDate.of(2025, 1, 1), 5,
                List.of("csv"), "", temp.resolve(name).toString(), 10), 0, "console", Map.of());
        return engine.service().submitWorkflow(new WorkflowDefinition(name,
                List.of(new WorkflowNode("a", job), new WorkflowNode("b", job.withRetry(job.retry()))),
                List.of(WorkflowEdge.of("a", "b"))));
    }

    @Test
    void anEmptyScreenSaysWhatToDo() {
        open(0);
        assertThat(workflows.connectedProperty().get()).isTrue();
        assertThat(workflows.recent()).isEmpty();
        assertThat(workflows.placeholderProperty().get()).isEqualTo("No workflows yet.");
        assertThat(workflows.diagramProperty().get()).isEqualTo(WorkflowDiagram.EMPTY);
    }

    @Test
    void aSubmittedDraftRunsToCompletionWithLiveStates() throws Exception {
        open(1);
        workflows.newDraft();
        WorkflowEditorViewModel draft = workflows.editorProperty().get();
        draft.nameProperty().set("etl");
        draft.addNode().nameProperty().set("extract");
        draft.addNode().nameProperty().set("load");
        draft.addEdge();
        assertThat(workflows.diagramProperty().get().edges()).hasSize(1);

        workflows.submitDraft();
        assertThat(workflows.editorProperty().get()).isNull();
        assertThat(workflows.banners().messageProperty().get()).matches("Submitted workflow \u201cetl\u201d \\(#\\d+\\) with 2 jobs\\..*");
        assertThat(workflows.watchTitleProperty().get()).startsWith("etl  #");
        assertThat(stateOf("load")).isIn(JobState.WAITING, JobState.QUEUED, JobState.RUNNING, JobState.SUCCEEDED);
        assertThat(workflows.recent()).singleElement().extracting(WorkflowItem::name).isEqualTo("etl");

        await(ticker, WAIT, "both jobs to succeed", () -> stateOf("extract") == JobState.SUCCEEDED
                && stateOf("load") == JobState.SUCCEEDED);
        assertThat(workflows.watchStateProperty().get()).isEqualTo(JobState.SUCCEEDED);
        assertThat(workflows.canCancelProperty().get()).isFalse();
        await(ticker, WAIT, "the list to follow", () -> workflows.recent().get(0).state() == JobState.SUCCEEDED);
        assertThat(workflows.recent().get(0).progress()).isEqualTo("2 of 2 jobs succeeded");
    }

    @Test
    void cancellingAWorkflowAsksFirst() {
        open(0);
        Workflow w = submitDirectly("nightly");
        workflows.reload();
        workflows.open(workflows.recent().get(0));
        assertThat(workflows.watchedProperty().get().id()).isEqualTo(w.id());
        assertThat(stateOf("a")).isEqualTo(JobState.QUEUED);
        assertThat(stateOf("b")).isEqualTo(JobState.WAITING);
        assertThat(workflows.canCancelProperty().get()).isTrue();

        dialogs.confirmAnswer = false;
        workflows.cancelWatched();
        assertThat(stateOf("a")).isEqualTo(JobState.QUEUED);
        dialogs.confirmAnswer = true;
        workflows.cancelWatched();
        assertThat(dialogs.confirmations).hasSize(2).last().satisfies(c -> {
            assertThat(c.header()).isEqualTo("Cancel workflow \u201cnightly\u201d?");
            assertThat(c.destructive()).isTrue();
        });
        assertThat(stateOf("a")).isEqualTo(JobState.CANCELLED);
        assertThat(stateOf("b")).isIn(JobState.CANCELLED, JobState.SKIPPED);
        assertThat(workflows.canCancelProperty().get()).isFalse();
        assertThat(workflows.banners().messageProperty().get()).startsWith("Cancelled workflow \u201cnightly\u201d: 0 of 2");
    }

    @Test
    void selectingPartsOfAWatchedWorkflowExplainsThem() {
        open(0);
        submitDirectly("pair");
        workflows.reload();
        workflows.open(workflows.recent().get(0));
        assertThat(workflows.watchDetailProperty().get()).startsWith("Colours show each job's state");
        workflows.selectWatched(Selection.node("b"));
        assertThat(workflows.watchDetailProperty().get()).matches("b: job #\\d+, waiting; it waits for a\\..*");
        workflows.selectWatched(Selection.edge(new Dependency("a", "b")));
        assertThat(workflows.watchDetailProperty().get()).startsWith("a → b: If a does not succeed");
        assertThat(workflows.diagramProperty().get().edges().get(0).selected()).isTrue();
    }

    @Test
    void leavingADraftWithNodesAsksFirst() {
        open(0);
        workflows.newDraft();
        workflows.discard();
        assertThat(dialogs.confirmations).isEmpty();
        assertThat(workflows.editorProperty().get()).isNull();

        workflows.newDraft();
        workflows.editorProperty().get().addNode();
        dialogs.confirmAnswer = false;
        workflows.discard();
        assertThat(workflows.editorProperty().get()).isNotNull();
        assertThat(dialogs.confirmations).singleElement()
                .satisfies(c -> assertThat(c.detail()).startsWith("Its 1 node and its edges are lost"));
        dialogs.confirmAnswer = true;
        workflows.discard();
        assertThat(workflows.editorProperty().get()).isNull();
        assertThat(workflows.diagramProperty().get()).isEqualTo(WorkflowDiagram.EMPTY);
    }

    @Test
    void hidingTheScreenReleasesItsTick() {
        open(0);
        assertThat(ticker.active()).isEqualTo(1);
        workflows.detach();
        assertThat(ticker.active()).isZero();
        workflows.attach();
        assertThat(ticker.active()).isEqualTo(1);
    }
}
