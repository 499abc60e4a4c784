package org.patientgen.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.patientgen.console.pool.RevisionRow;
import org.patientgen.console.testing.FxForm;
import org.patientgen.console.testing.FxWait;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.PoolSettingsRevision;

/**
 * Tuning the pool in the whole console, headless, on a real local engine: a field edited into a
 * validation error shows the engine's message and is fixed; a live change applies without a question;
 * a restart-required change asks first, waits for the restart and takes effect on "Restart pool now";
 * an earlier revision is rolled back after confirming.
 */
class PoolFlowsTest extends ConsoleUiTest {

    @Test
    void editValidateApplyLiveApplyWithRestartAndRollBack() throws Exception {
        open(0);
        javafx.scene.Parent windowRoot = console.window().stage().getScene().getRoot();
        robot.clickOn("#nav-pool");
        FxWait.until(60, "the pool's settings", () -> robot.lookup("#pool-field-maximumPoolSize").tryQuery()
                .map(n -> "10".equals(((javafx.scene.control.TextField) n).getText())).orElse(false));
        PatientGenService service = console.local().service();

        // A validation error with the engine's own message, then fixed.
        FxForm.retype(robot, "#pool-field-validationTimeout", "45 s");
        FxWait.until(10, "the engine's message", () -> label("#pool-field-validationTimeout-error").isVisible());
        assertThat(label("#pool-field-validationTimeout-error").getText()).isEqualTo("validationTimeout = 45 s (45000 ms):"
                + " must be shorter than connectionTimeout (30 s (30000 ms)), or a borrower times out while its"
                + " connection is still being checked. Lower it below 30 s (30000 ms) or raise connectionTimeout.");
        assertThat(button("#apply-pool").isDisabled()).isTrue();
        // The hint follows the validation answer, which may land a moment after the field's message.
        FxWait.until(10, "the apply hint", () -> label("#pool-apply-hint").getText().equals("Fix the problem first."));
        assertThat(console.window().stage().getScene().getRoot()).as("decorations keep to the pool screen")
                .isSameAs(windowRoot);
        FxForm.retype(robot, "#pool-field-validationTimeout", "5 s");
        FxWait.until(10, "the message to go", () -> !label("#pool-field-validationTimeout-error").isVisible());

        // A live change: no question, applied at once.
        FxForm.retype(robot, "#pool-field-maximumPoolSize", "12");
        robot.clickOn("#pool-reason").write("two more connections for the scheduler");
        FxWait.until(10, "Apply", () -> !button("#apply-pool").isDisabled());
        assertThat(robot.lookup("#pool-diff-maximumPoolSize").tryQuery()).isPresent();
        robot.clickOn("#apply-pool");
        FxWait.until(10, "the result", () -> !label("#pool-result").getText().isEmpty());
        assertThat(label("#pool-result").getText()).isEqualTo("Revision 2 applied. Live now: maximumPoolSize.");
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(service.pool().running().maximumPoolSize()).isEqualTo(12);

        // A change that needs a restart: marked before applying, confirmed, then awaiting the restart.
        FxForm.retype(robot, "#pool-field-keepaliveTime", "1 min");
        FxWait.until(10, "the restart note", () -> label("#pool-restart-note").isVisible());
        assertThat(label("#pool-restart-note").getText()).startsWith("Needs a pool restart: keepaliveTime.");
        robot.clickOn("#pool-reason").write("the firewall drops idle sessions after 90 s");
        FxWait.until(10, "Apply", () -> !button("#apply-pool").isDisabled());
        robot.clickOn("#apply-pool");
        FxWait.until(10, "the confirmation", () -> robot.lookup("A pool restart will be needed").tryQuery().isPresent());
        robot.clickOn(dialogButton("Apply, restart later"));
        FxWait.until(10, "the result", () -> label("#pool-result").getText().startsWith("Revision 3"));
        assertThat(label("#pool-result").getText()).isEqualTo("Revision 3 applied. Awaiting a pool restart: keepaliveTime.");
        assertThat(label("#pool-pending").getText()).startsWith("keepaliveTime waits for a pool restart");
        assertThat(service.pool().running().keepaliveTime()).isEqualTo(120_000);

        robot.clickOn("#restart-pool");
        FxWait.until(10, "the restart question", () -> robot.lookup("Restart the connection pool now?").tryQuery()
                .isPresent());
        robot.clickOn(dialogButton("Restart pool"));
        FxWait.until(30, "the restart", () -> label("#pool-result").getText().startsWith("Pool restarted"));
        assertThat(label("#pool-pending").getText()).isEmpty();
        assertThat(label("#pool-pending").getParent().isVisible()).isFalse();
        assertThat(service.pool().running().keepaliveTime()).isEqualTo(60_000);

        // Roll back to the first revision, after confirming.
        robot.clickOn(FxForm.tab(robot, "History"));
        TableView<RevisionRow<PoolSettingsRevision>> history = robot.lookup("#pool-history").queryAs(TableView.class);
        FxWait.until(10, "three revisions", () -> history.getItems().size() == 3);
        assertThat(button("#rollback-pool").isDisabled()).isTrue();
        clickInLiveTable("first settings", 1);
        robot.clickOn("#rollback-pool");
        FxWait.until(10, "the rollback question", () -> robot.lookup("Roll back to revision 1?").tryQuery().isPresent());
        robot.clickOn(dialogButton("Roll back"));
        FxWait.until(10, "the rollback", () -> label("#pool-result").getText().startsWith("Revision 4 restores revision 1"));
        assertThat(service.pool().running().maximumPoolSize()).isEqualTo(10);
        assertThat(label("#pool-pending").getText()).startsWith("keepaliveTime waits for a pool restart");
        assertThat(history.getItems().get(0).revision().rollbackOf()).isEqualTo(1);
    }

    @Test
    void deployBehindAHealthGateUntilConfirmed() throws Exception {
        open(0);
        robot.clickOn("#nav-pool");
        FxWait.until(60, "the pool's settings", () -> robot.lookup("#pool-field-maximumPoolSize").tryQuery()
                .map(n -> "10".equals(((javafx.scene.control.TextField) n).getText())).orElse(false));
        robot.clickOn(FxForm.tab(robot, "Deploy"));
        FxWait.until(10, "the running configuration", () -> "0".equals(robot.lookup("#deploy-workers")
                .queryAs(javafx.scene.control.TextField.class).getText()));

        FxForm.retype(robot, "#deploy-workers", "300");
        assertThat(label("#deploy-workers-note").getText()).isEqualTo("Workers must be between 0 and 256, was 300.");
        FxForm.retype(robot, "#deploy-workers", "1");
        FxForm.retype(robot, "#deploy-bake", "1 s");
        robot.clickOn("#deploy-reason").write("one worker");
        FxWait.until(10, "Deploy", () -> !button("#deploy-config").isDisabled());
        robot.clickOn("#deploy-config");
        FxWait.until(10, "the question", () -> robot.lookup("Deploy the runtime configuration?").tryQuery().isPresent());
        robot.clickOn(dialogButton("Deploy"));

        FxWait.until(30, "the gate's verdict", () -> "confirmed".equals(label("#deploy-state").getText()));
        assertThat(label("#deploy-message").getText()).endsWith("Healthy for the whole bake time; confirmed.");
        assertThat(console.local().service().workerConcurrency()).isEqualTo(1);
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private Button button(String query) {
        return robot.lookup(query).queryButton();
    }

    private Button dialogButton(String text) {
        return robot.lookup(".dialog-pane .button").match((Button b) -> text.equals(b.getText())).queryButton();
    }
}
