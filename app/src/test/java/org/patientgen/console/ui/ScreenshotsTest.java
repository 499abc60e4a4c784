package org.patientgen.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.patientgen.console.Screens;
import org.patientgen.console.jobs.JobRow;
import org.patientgen.console.screen.Screen;
import org.patientgen.console.testing.FxWait;
import org.patientgen.console.testing.Screenshots;
import org.patientgen.console.theme.Theme;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.RetryPolicy;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every registered screen, and the jobs screen's detail, dialog and empty state, in the
 * light and dark themes to {@code app/target/screenshots/<screen>-<theme>.png}, on an engine with
 * jobs in every interesting state. Look at them after changing a view.
 */
class ScreenshotsTest extends ConsoleUiTest {

    @Test
    void everyScreenInBothThemes() throws Exception {
        open(1);
        FxWait.untilEngineReady(robot);
        Scene scene = console.window().stage().getScene();
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            shoot(scene, "jobs-empty", theme);
        }

        seedJobs(console.local().service());
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            for (Screen screen : Screens.all().all()) {
                WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().navigate(screen.id())).get();
                Thread.sleep(600);
                shoot(scene, screen.id(), theme);
            }
        }

        WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().navigate("jobs")).get();
        // Coming back from another screen, the jobs table loads again.
        FxWait.until(10, "the jobs again", () -> table().getItems().size() == 5
                && robot.lookup(".pg-badge.pg-state-queued").tryQuery().isPresent());
        clickInLiveTable(".pg-badge.pg-state-queued", 1);
        robot.clickOn("#cancel-jobs");
        FxWait.until(10, "the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Scene confirm = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene();
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            shoot(confirm, "confirm-cancel", theme);
        }
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) ->
                b.getText().startsWith("Cancel job")).queryButton());
        FxWait.until(10, "the results panel", () -> robot.lookup(".pg-bulk-summary").tryQuery().isPresent());
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            Thread.sleep(300);
            shoot(scene, "jobs-bulk-result", theme);
        }
        clickInLiveTable(".pg-badge.pg-state-running", 2);
        FxWait.until(10, "the job detail", () -> !robot.lookup(".pg-shard").queryAll().isEmpty());
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            Thread.sleep(600);
            shoot(scene, "job-detail", theme);
        }
        robot.clickOn("Log");
        FxWait.until(20, "a finished shard in the job's log", () -> !robot.lookup("#log")
                .queryAs(javafx.scene.control.ListView.class).getItems().isEmpty());
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            Thread.sleep(300);
            shoot(scene, "job-detail-log", theme);
        }
        robot.clickOn("Output manifest");
        FxWait.until(20, "the manifest", () -> !robot.lookup("#manifest")
                .queryAs(javafx.scene.control.ListView.class).getItems().isEmpty());
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            Thread.sleep(300);
            shoot(scene, "job-detail-manifest", theme);
        }
        robot.clickOn("Overview");
        robot.clickOn("#job-detail-back");

        robot.clickOn("#submit-job");
        FxWait.until(10, "the submit dialog", () -> robot.lookup("#submit-job-dialog").tryQuery().isPresent());
        robot.doubleClickOn("#population").eraseText(3).write("1x");
        Scene dialog = robot.lookup("#submit-job-dialog").queryAs(DialogPane.class).getScene();
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            shoot(dialog, "submit-job", theme);
        }
        robot.clickOn("#submit-job-cancel");
        assertThat(Files.list(Screenshots.directory()).count()).isGreaterThanOrEqualTo(8);
    }

    private void seedJobs(PatientGenService service) throws Exception {
        long ok = service.submit(job(40, 20, temp.resolve("ok"), 10, Map.of("team", "cardio"), RetryPolicy.DEFAULT)).id();
        Path blocker = Files.writeString(temp.resolve("blocker"), "a file where a folder should be");
        long failed = service.submit(job(10, 10, blocker.resolve("out"), 10, Map.of(), RetryPolicy.noRetry())).id();
        FxWait.until(60, "the small jobs to end", () -> service.job(ok).state() == JobState.SUCCEEDED
                && service.job(failed).state() == JobState.FAILED);
        long big = service.submit(job(400_000, 10_000, temp.resolve("big"), 0, Map.of("study", "q3"),
                RetryPolicy.DEFAULT)).id();
        service.submit(job(5_000, 1_000, temp.resolve("waiting"), -5, Map.of("team", "onco"), RetryPolicy.DEFAULT));
        long cancelled = service.submit(job(1_000, 500, temp.resolve("cancelled"), -5, Map.of(), RetryPolicy.DEFAULT)).id();
        service.cancel(cancelled, "submitted twice");
        FxWait.until(60, "the big job to run", () -> service.progress(big).patientsDone() > 0);
        FxWait.until(10, "the table", () -> table().getItems().size() == 5
                && robot.lookup(".pg-badge.pg-state-running").tryQuery().isPresent());
    }

    private static JobSubmission job(long population, int shardSize, Path out, int priority, Map<String, String> labels,
                                     RetryPolicy retry) {
        return new JobSubmission(new GenerationSpec(population, 42, "MA", LocalDate.of(2025, 6, 30), 10,
                List.of("fhir-ndjson"), "", out.toString(), shardSize), priority, "alice", labels, retry);
    }

    private void setTheme(Theme theme) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().themeProperty().set(theme)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shoot(Scene scene, String name, Theme theme) throws Exception {
        Window window = scene.getWindow();
        assertThat(window).isNotNull();
        Screenshots.capture(scene, name + "-" + theme.name().toLowerCase());
    }

}
