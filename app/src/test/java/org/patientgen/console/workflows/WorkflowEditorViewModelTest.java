package org.patientgen.console.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.testing.LocalEngines;
import org.patientgen.console.testing.SameThread;
import org.patientgen.console.workflows.WorkflowDiagram.EdgeView;
import org.patientgen.console.workflows.WorkflowDiagram.NodeView;
import org.patientgen.console.workflows.WorkflowDiagram.Selection;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.OnUpstreamFailure;
import org.patientgen.engine.api.Workflow;

/** The workflow editor on a real local engine (no workers: submitted jobs stay put). */
class WorkflowEditorViewModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;
    LocalEngineConnection engine;
    WorkflowEditorViewModel editor;

    @BeforeEach
    void start() {
        engine = LocalEngines.in(temp, 0);
        editor = new WorkflowEditorViewModel(engine, SameThread.tasks(), CLOCK);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    NodeView box(String name) {
        return editor.diagramProperty().get().nodes().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow();
    }

    EdgeView arrow(String up, String down) {
        return editor.diagramProperty().get().edges().stream()
                .filter(e -> e.edge().equals(new Dependency(up, down))).findFirst().orElseThrow();
    }

    void connect(String up, String down) {
        editor.edgeFromProperty().set(up);
        editor.edgeToProperty().set(down);
        editor.addEdge();
    }

    @Test
    void anEmptyDraftSaysWhatItNeeds() {
        assertThat(editor.problemProperty().get()).isEqualTo("Give the workflow a name.");
        editor.nameProperty().set("etl");
        assertThat(editor.problemProperty().get()).isEqualTo("Add at least one node: each node is a job.");
        assertThat(editor.canSubmitProperty().get()).isFalse();
        assertThat(editor.diagramProperty().get()).isEqualTo(WorkflowDiagram.EMPTY);
    }

    @Test
    void addingNodesNamesThemSelectsThemAndGivesEachItsOwnOutputFolder() {
        DraftNode first = editor.addNode();
        assertThat(first.committedName()).isEqualTo("job-1");
        assertThat(editor.selectedNodeProperty().get()).isSameAs(first);
        assertThat(first.job().outputProperty().get())
                .isEqualTo(temp.resolve("output").toAbsolutePath() + "/workflow-20260304-050607/job-1");
        DraftNode second = editor.addNode();
        assertThat(second.committedName()).isEqualTo("job-2");
        // The edge bar offers the obvious next edge.
        assertThat(editor.edgeFromProperty().get()).isEqualTo("job-1");
        assertThat(editor.edgeToProperty().get()).isEqualTo("job-2");
        assertThat(editor.nodeNames()).containsExactly("job-1", "job-2");
        assertThat(box("job-1").detail()).isEqualTo("100 patients · MA");
        assertThat(box("job-2").selected()).isTrue();
    }

    @Test
    void edgesAreDrawnLeftToRightWithTheirPolicyAndCannotBeAddedTwice() {
        editor.addNode();
        editor.addNode();
        editor.edgePolicyProperty().set(OnUpstreamFailure.RUN);
        connect("job-1", "job-2");
        assertThat(editor.selectedEdgeProperty().get().ends()).isEqualTo(new Dependency("job-1", "job-2"));
        assertThat(editor.edgeExplanationProperty().get())
                .isEqualTo("job-2 runs once job-1 has ended, however it ended (e.g. a clean-up step).");
        assertThat(arrow("job-1", "job-2").policy()).isEqualTo(OnUpstreamFailure.RUN);
        assertThat(box("job-2").box().layer()).isEqualTo(1);
        // The bar is ready for the next edge from the same node; the same edge again is refused.
        assertThat(editor.edgeFromProperty().get()).isEqualTo("job-1");
        assertThat(editor.edgeToProperty().get()).isNull();
        assertThat(editor.canAddEdgeProperty().get()).isFalse();
        editor.edgeToProperty().set("job-2");
        assertThat(editor.canAddEdgeProperty().get()).isFalse();
        assertThat(editor.edgeProblemProperty().get()).isEqualTo("job-1 → job-2 exists already.");

        editor.selectedEdgeProperty().get().policyProperty().set(OnUpstreamFailure.SKIP);
        assertThat(editor.edgeExplanationProperty().get()).startsWith("If job-1 does not succeed");
        assertThat(arrow("job-1", "job-2").policy()).isEqualTo(OnUpstreamFailure.SKIP);
    }

    @Test
    void renamingANodeRenamesItsEdgesAndBadNamesAreExplained() {
        DraftNode a = editor.addNode();
        editor.addNode();
        connect("job-1", "job-2");
        a.nameProperty().set("extract");
        assertThat(a.committedName()).isEqualTo("extract");
        assertThat(editor.edges()).singleElement().extracting(DraftEdge::ends)
                .isEqualTo(new Dependency("extract", "job-2"));
        assertThat(editor.nodeNames()).containsExactly("extract", "job-2");

        a.nameProperty().set("bad name");
        assertThat(a.nameErrorProperty().get()).startsWith("A node name is 1 to 100 letters");
        assertThat(a.committedName()).isEqualTo("extract");
        editor.nameProperty().set("etl");
        assertThat(editor.problemProperty().get()).startsWith("Node \u201cbad name\u201d: A node name is");
        a.nameProperty().set("job-2");
        assertThat(a.nameErrorProperty().get()).isEqualTo("Another node is called \u201cjob-2\u201d; node names are unique.");
        a.nameProperty().set("extract");
        assertThat(editor.problemProperty().get()).isEmpty();
        assertThat(editor.canSubmitProperty().get()).isTrue();
    }

    @Test
    void aNodeWhoseJobHasAProblemIsMarkedAndBlocksSubmitting() {
        DraftNode a = editor.addNode();
        editor.nameProperty().set("etl");
        a.job().populationProperty().set("many");
        assertThat(box("job-1").invalid()).isTrue();
        assertThat(box("job-1").detail()).isEqualTo("its job needs fixing");
        assertThat(editor.problemProperty().get()).isEqualTo("Node \u201cjob-1\u201d: Population must be a whole number.");
        a.job().populationProperty().set("50");
        assertThat(box("job-1").detail()).isEqualTo("50 patients · MA");
        assertThat(editor.canSubmitProperty().get()).isTrue();
    }

    @Test
    void removingANodeRemovesItsEdges() {
        editor.addNode();
        editor.addNode();
        editor.addNode();
        connect("job-1", "job-2");
        connect("job-2", "job-3");
        editor.select(Selection.node("job-2"));
        editor.removeSelected();
        assertThat(editor.nodeNames()).containsExactly("job-1", "job-3");
        assertThat(editor.edges()).isEmpty();
        assertThat(editor.selectionProperty().get()).isEqualTo(Selection.NONE);
        editor.select(Selection.edge(new Dependency("job-1", "job-3")));
        assertThat(editor.selectedEdgeProperty().get()).isNull();
    }

    @Test
    void aCycleIsHighlightedAtOnceAndTheEnginesRefusalIsShown() {
        editor.nameProperty().set("loop");
        editor.addNode();
        editor.addNode();
        connect("job-1", "job-2");
        assertThat(editor.cycleWarningProperty().get()).isEmpty();
        connect("job-2", "job-1");
        assertThat(editor.cyclesProperty().get().nodes()).containsExactly("job-1", "job-2");
        assertThat(editor.cycleWarningProperty().get()).startsWith("job-1 → job-2 → job-1 is a cycle");
        assertThat(box("job-1").onCycle()).isTrue();
        assertThat(arrow("job-2", "job-1").onCycle()).isTrue();
        assertThat(arrow("job-2", "job-1").route().reversed()).isTrue();

        // The engine decides: the draft goes to it, and its message is what the user reads.
        assertThat(editor.canSubmitProperty().get()).isTrue();
        List<Workflow> submitted = new ArrayList<>();
        editor.submit(submitted::add);
        assertThat(submitted).isEmpty();
        assertThat(editor.submitErrorProperty().get()).startsWith("workflow 'loop' has a cycle: ")
                .contains("job-1").contains("job-2").contains("remove or reverse one of these edges");
        assertThat(box("job-2").onCycle()).isTrue();

        editor.select(Selection.edge(new Dependency("job-2", "job-1")));
        editor.removeSelected();
        assertThat(editor.cyclesProperty().get().isEmpty()).isTrue();
        assertThat(box("job-1").onCycle()).isFalse();
    }

    @Test
    void submitsTheDraftWithItsNodesEdgesAndPolicies() {
        editor.nameProperty().set("etl");
        editor.addNode().nameProperty().set("extract");
        DraftNode load = editor.addNode();
        load.nameProperty().set("load");
        load.job().populationProperty().set("20");
        connect("extract", "load");
        List<Workflow> submitted = new ArrayList<>();
        editor.submit(submitted::add);
        assertThat(editor.submitErrorProperty().get()).isEmpty();
        Workflow w = submitted.get(0);
        assertThat(w.name()).isEqualTo("etl");
        assertThat(w.job("extract").state()).isEqualTo(JobState.QUEUED);
        assertThat(w.job("load").state()).isEqualTo(JobState.WAITING);
        assertThat(w.edges()).singleElement().hasToString("extract → load");
        assertThat(engine.service().job(w.job("load").jobId()).submission().spec().population()).isEqualTo(20);
    }
}
