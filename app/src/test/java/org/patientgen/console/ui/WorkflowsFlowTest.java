package org.patientgen.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.patientgen.console.testing.FxWait;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.OnUpstreamFailure;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;

/**
 * Workflows in the whole console: build a two-job workflow, submit it and watch its nodes turn
 * green; attempt a cycle and see it highlighted with the engine's refusal. Also renders the screen,
 * the editor, the cycle and a finished workflow with a failure in both themes.
 */
class WorkflowsFlowTest extends ConsoleUiTest {

    boolean has(String query, String styleClass) {
        return robot.lookup(query).tryQuery().map(n -> n.getStyleClass().contains(styleClass)).orElse(false);
    }

    boolean showing(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    void openScreen() throws Exception {
        FxWait.untilEngineReady(robot);
        robot.clickOn("#nav-workflows");
        FxWait.until(30, "the workflows screen", () -> !robot.lookup("#new-workflow").queryButton().isDisabled());
    }

    void rename(String name) {
        robot.clickOn("#node-name").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(name);
    }

    void choose(String comboId, String item) {
        robot.clickOn(comboId);
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> item.equals(c.getText()) && c.isVisible())
                .queryAs(ListCell.class));
    }

    @Test
    void buildATwoJobWorkflowAndWatchItRunToCompletion() throws Exception {
        open(1);
        openScreen();
        assertThat(text("#workflow-empty-state")).startsWith("Build a workflow");
        shootBothThemes("workflows-empty");

        robot.clickOn("#new-workflow");
        robot.clickOn("#workflow-name").write("etl");
        robot.clickOn("#add-node");
        FxWait.until(10, "the first node", () -> robot.lookup("#wf-node-job-1").tryQuery().isPresent());
        rename("extract");
        robot.clickOn("#add-node");
        FxWait.until(10, "the second node", () -> robot.lookup("#wf-node-job-2").tryQuery().isPresent());
        rename("load");
        robot.doubleClickOn("#population").write("40");
        FxWait.until(10, "the renamed nodes", () -> robot.lookup("#wf-node-load").tryQuery().isPresent()
                && robot.lookup("#wf-node-extract").tryQuery().isPresent());
        // The edge bar offers extract → load.
        robot.clickOn("#add-edge");
        FxWait.until(10, "the edge", () -> robot.lookup("#wf-edge-extract-load").tryQuery().isPresent());
        assertThat(has("#wf-node-load", "pg-wf-cycle")).isFalse();
        robot.clickOn("#wf-node-load");
        shootBothThemes("workflow-editor");

        robot.clickOn("#submit-workflow");
        FxWait.until(10, "the submitted workflow", () -> text("#workflows-message").startsWith("Submitted workflow"));
        FxWait.until(60, "both jobs to succeed, shown in their colours", () ->
                has("#wf-node-extract", "pg-state-succeeded") && has("#wf-node-load", "pg-state-succeeded"));
        FxWait.until(10, "the workflow's badge", () -> has("#workflow-state", "pg-state-succeeded"));
        assertThat(text("#workflow-state")).isEqualTo("succeeded");
        assertThat(robot.lookup("#cancel-workflow").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#recent-workflows").queryListView().getItems()).hasSize(1);
    }

    @Test
    void aCycleIsRejectedAndHighlighted() throws Exception {
        open(0);
        openScreen();
        robot.clickOn("#new-workflow");
        robot.clickOn("#workflow-name").write("loop");
        robot.clickOn("#add-node");
        robot.clickOn("#add-node");
        robot.clickOn("#add-node");
        FxWait.until(10, "three nodes", () -> robot.lookup("#wf-node-job-3").tryQuery().isPresent());
        choose("#edge-from", "job-1");
        choose("#edge-to", "job-2");
        robot.clickOn("#add-edge");
        choose("#edge-from", "job-2");
        choose("#edge-to", "job-3");
        robot.clickOn("#add-edge");
        assertThat(showing("#cycle-warning")).isFalse();

        choose("#edge-from", "job-3");
        choose("#edge-to", "job-1");
        robot.clickOn("#add-edge");
        FxWait.until(10, "the cycle warning", () -> showing("#cycle-warning"));
        assertThat(text("#cycle-warning")).startsWith("job-1 → job-2 → job-3 → job-1 is a cycle");

        robot.clickOn("#submit-workflow");
        FxWait.until(10, "the engine's refusal", () -> showing("#workflow-submit-error")
                && !text("#workflow-submit-error").isEmpty());
        assertThat(text("#workflow-submit-error")).startsWith("workflow 'loop' has a cycle: ")
                .contains("remove or reverse one of these edges");
        for (String node : List.of("job-1", "job-2", "job-3")) {
            assertThat(has("#wf-node-" + node, "pg-wf-cycle")).as(node).isTrue();
        }
        for (String edge : List.of("job-1-job-2", "job-2-job-3", "job-3-job-1")) {
            // The visible line is drawn just before its arrowhead and the wider invisible hit line.
            List<Node> drawn = robot.lookup("#wf-edge-" + edge).query().getParent().getChildrenUnmodifiable();
            int hit = drawn.indexOf(robot.lookup("#wf-edge-" + edge).query());
            assertThat(drawn.get(hit - 2).getStyleClass()).as(edge).contains("pg-wf-edge", "pg-wf-cycle");
            assertThat(drawn.get(hit - 1).getStyleClass()).as(edge).contains("pg-wf-arrow", "pg-wf-cycle");
        }
        assertThat(console.local().service().workflows(10)).isEmpty();
        shootBothThemes("workflow-cycle");
    }

    @Test
    void aFinishedWorkflowShowsEveryOutcome() throws Exception {
        open(1);
        openScreen();
        PatientGenService service = console.local().service();
        Path blocker = Files.writeString(temp.resolve("blocker"), "a file where a folder should be");
        Workflow w = service.submitWorkflow(new WorkflowDefinition("nightly-cohort", List.of(
                new WorkflowNode("extract", job(30, temp.resolve("extract"))),
                new WorkflowNode("clean", job(20, blocker.resolve("out"))),
                new WorkflowNode("stats", job(20, temp.resolve("stats"))),
                new WorkflowNode("report", job(10, temp.resolve("report"))),
                new WorkflowNode("cleanup", job(10, temp.resolve("cleanup")))),
                List.of(WorkflowEdge.of("extract", "clean"), WorkflowEdge.of("extract", "stats"),
                        WorkflowEdge.of("clean", "report"), WorkflowEdge.of("stats", "report"),
                        new WorkflowEdge("report", "cleanup", OnUpstreamFailure.RUN))));
        FxWait.until(60, "the workflow to end", () -> service.workflow(w.id()).finished());
        FxWait.until(10, "it in the list", () -> robot.lookup("#recent-workflows").queryListView().getItems().size() == 1
                && robot.lookup(".pg-wf-recent-name").tryQuery().isPresent());
        clickInLiveTable(".pg-wf-recent-name", 1);
        FxWait.until(10, "its states", () -> has("#wf-node-clean", "pg-state-failed")
                && has("#wf-node-report", "pg-state-skipped") && has("#wf-node-cleanup", "pg-state-succeeded"));
        assertThat(service.workflow(w.id()).job("stats").state()).isEqualTo(JobState.SUCCEEDED);
        robot.clickOn("#wf-node-report");
        FxWait.until(10, "the node's detail", () -> text("#workflow-detail").startsWith("report: job #"));
        shootBothThemes("workflows-run");
    }

    private static JobSubmission job(long population, Path out) {
        return new JobSubmission(new GenerationSpec(population, 7, "MA", LocalDate.of(2025, 6, 30), 5,
                List.of("fhir-ndjson"), "", out.toString(), 10), 0, "alice", Map.of(), RetryPolicy.noRetry());
    }
}
