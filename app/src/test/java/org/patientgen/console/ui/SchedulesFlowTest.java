package org.patientgen.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.patientgen.console.schedules.ScheduleRow;
import org.patientgen.console.testing.FxWait;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Creating a cron schedule in the whole console: an invalid expression shows the engine's message,
 * a valid one its description and next five fire times, and the saved schedule is in the list.
 * Also renders the list, the editor and its error state in both themes.
 */
class SchedulesFlowTest extends ConsoleUiTest {

    @SuppressWarnings("unchecked")
    TableView<ScheduleRow> schedules() {
        return robot.lookup("#schedules-table").queryAs(TableView.class);
    }

    List<String> nextFires() {
        return robot.lookup("#cron-next-fires").queryAs(VBox.class).getChildrenUnmodifiable().stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    boolean showing(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void createACronScheduleAndSeeItInTheList() throws Exception {
        open(0);
        FxWait.untilEngineReady(robot);
        robot.clickOn("#nav-schedules");
        FxWait.until(30, "the schedules screen", () -> !robot.lookup("#new-schedule").queryButton().isDisabled());
        assertThat(robot.lookup(".pg-empty-state").queryAs(Label.class).getText()).startsWith("No schedules yet");
        shootBothThemes("schedules-empty");

        robot.clickOn("#new-schedule");
        FxWait.until(10, "the editor", () -> showing("#schedule-editor"));
        assertThat(robot.lookup("#save-schedule").queryButton().isDisabled()).isTrue();
        robot.clickOn("#schedule-name").write("nightly-cohort");

        robot.clickOn("#cron-expression").write("0 25 * * *");
        FxWait.until(10, "the engine's message", () -> showing("#cron-error"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#cron-error").queryAs(Label.class).getText())
                .startsWith("hour '25' (field 2 of 5) in Unix cron expression '0 25 * * *'");
        assertThat(robot.lookup("#save-schedule").queryButton().isDisabled()).isTrue();
        shootBothThemes("schedule-editor-error");

        robot.clickOn("#cron-expression").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("30 2 * * 1-5");
        FxWait.until(10, "the description", () -> showing("#cron-description")
                && !robot.lookup("#cron-description").queryAs(Label.class).getText().isEmpty()
                && !showing("#cron-error") && nextFires().size() == 5);
        assertThat(robot.lookup("#cron-description").queryAs(Label.class).getText())
                .isEqualTo("At 02:30 every day between Monday and Friday");
        assertThat(nextFires()).allSatisfy(f -> assertThat(f).matches("(Mon|Tue|Wed|Thu|Fri) .*, 02:30 .*\\(in .+\\)"));
        FxWait.until(10, "Save to be enabled", () -> !robot.lookup("#save-schedule").queryButton().isDisabled());
        shootBothThemes("schedule-editor");

        robot.clickOn("#save-schedule");
        FxWait.until(10, "the list again with the new schedule selected", () -> showing("#schedules-table")
                && schedules().getItems().size() == 1 && schedules().getSelectionModel().getSelectedItem() != null);
        ScheduleRow row = schedules().getItems().get(0);
        assertThat(row.nameProperty().get()).isEqualTo("nightly-cohort");
        assertThat(row.descriptionProperty().get()).isEqualTo("at 02:30 every day between Monday and Friday");
        assertThat(row.nextFireProperty().get()).contains("02:30 (in ");
        assertThat(robot.lookup("#schedules-message").queryAs(Label.class).getText())
                .startsWith("Created schedule \u201cnightly-cohort\u201d: it next fires");
        assertThat(schedules().getSelectionModel().getSelectedItem()).isSameAs(row);

        robot.clickOn("#run-schedule-now");
        FxWait.until(10, "the run-now job in the history", () -> robot.lookup("#schedules-message").queryAs(Label.class)
                .getText().startsWith("Submitted job #"));
        shootBothThemes("schedules-list");
    }
}
