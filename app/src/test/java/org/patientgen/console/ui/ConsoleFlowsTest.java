package org.patientgen.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.patientgen.console.jobs.JobRow;
import org.patientgen.console.settings.ConsoleSettings;
import org.patientgen.console.testing.FxWait;
import org.patientgen.console.theme.ThemeSwitcher;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobSubmission;

/** Real user flows in the whole console, headless (Monocle), on a real local engine. */
class ConsoleFlowsTest extends ConsoleUiTest {

    @Test
    void submitAJobAndWatchItComplete() throws Exception {
        open(1);
        FxWait.untilEngineReady(robot);
        assertThat(robot.lookup(".pg-empty-state").queryAs(Label.class).getText()).startsWith("No jobs yet");

        robot.clickOn("#submit-job");
        FxWait.until(10, "the submit dialog", () -> robot.lookup("#submit-job-dialog").tryQuery().isPresent());
        robot.doubleClickOn("#population").eraseText(3).write("abc");
        assertThat(robot.lookup("#submit-job-confirm").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#submit-problem").queryAs(Label.class).getText())
                .isEqualTo("Population must be a whole number.");
        robot.doubleClickOn("#population").eraseText(3).write("30");
        assertThat(robot.lookup("#submit-preview").queryAs(Label.class).getText()).startsWith("1 shard of up to 100");
        robot.clickOn("#submit-job-confirm");
        FxWait.until(10, "the dialog to close", () -> robot.lookup("#submit-job-dialog").tryQuery().isEmpty());

        FxWait.until(60, "the job to succeed", () -> table().getItems().size() == 1
                && table().getItems().get(0).state() == JobState.SUCCEEDED
                && robot.lookup(".pg-badge.pg-state-succeeded").tryQuery().isPresent());
        assertThat(table().getItems().get(0).progressTextProperty().get()).isEqualTo("30 / 30");

        clickInLiveTable(".pg-badge.pg-state-succeeded", 2);
        FxWait.until(10, "the job detail", () -> robot.lookup(".pg-shard-succeeded").queryAll().size() == 1 + 1);
        robot.clickOn("#open-output-folder");
        FxWait.until(10, "the folder to open", () -> console.opened.size() == 1);
        assertThat(console.opened.get(0).toString()).startsWith(temp.resolve("engine").resolve("output").toString());
        robot.clickOn("#job-detail-back");
        FxWait.until(10, "the table again", () -> robot.lookup("#jobs-table").queryAs(TableView.class).isVisible());
    }

    @Test
    void bulkCancelAsksForConfirmationAndShowsEachResult() throws Exception {
        open(0);
        FxWait.untilEngineReady(robot);
        for (int i = 0; i < 3; i++) {
            console.local().service().submit(new JobSubmission(new GenerationSpec(10, i, "MA", LocalDate.of(2025, 1, 1),
                    5, List.of("csv"), "", temp.resolve("out" + i).toString(), 10), 0, "tester", Map.of()));
        }
        FxWait.until(30, "three queued jobs", () -> table().getItems().size() == 3
                && robot.lookup(".pg-badge.pg-state-queued").queryAll().size() == 3);

        clickInLiveTable(".pg-badge.pg-state-queued", 1);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        assertThat(table().getSelectionModel().getSelectedItems()).hasSize(3);
        robot.clickOn("#cancel-jobs");
        FxWait.until(10, "the confirmation", () -> robot.lookup("Cancel 3 jobs?").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".button").match((Button b) -> "Cancel 3 jobs".equals(b.getText()))
                .queryButton());

        FxWait.until(30, "all cancelled", () -> table().getItems().stream().allMatch(r -> r.state() == JobState.CANCELLED));
        FxWait.until(10, "the results", () -> robot.lookup(".pg-bulk-summary").tryQuery().isPresent()
                && "Cancel: 3 done".equals(robot.lookup(".pg-bulk-summary").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#cancel-jobs").queryButton().isDisabled()).isTrue();
    }

    @Test
    void switchThemeAndRememberIt() throws Exception {
        open(0);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());

        robot.clickOn("#theme-toggle");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(console.window().stage().getScene().getRoot().getPseudoClassStates()).contains(ThemeSwitcher.DARK);
        FxWait.until(10, "the theme to be saved", () -> settings.load().theme().equals("DARK"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(console.window().stage().getScene().getRoot().getPseudoClassStates()).doesNotContain(ThemeSwitcher.DARK);

        console.close();
        console = null;
        ConsoleSettings kept = settings.load();
        assertThat(kept.theme()).isEqualTo("LIGHT");
        assertThat(kept.lastScreen()).isEqualTo("jobs");
        assertThat(kept.window()).isNotNull();
        assertThat(kept.window().width()).isPositive();
    }
}
