package org.patientgen.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.patientgen.console.testing.FxForm;
import org.patientgen.console.testing.FxWait;
import org.patientgen.console.testing.Screenshots;
import org.patientgen.console.theme.Theme;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the pool screen in its interesting states, light and dark, to
 * {@code app/target/screenshots/pool-*.png}: edits with a problem and a restart-required change, the
 * confirmation, what an apply did with a change awaiting a restart, the history, and a gated deployment
 * while it bakes and once confirmed.
 */
class PoolScreenshotsTest extends ConsoleUiTest {

    @Test
    void thePoolScreenInItsStates() throws Exception {
        open(1);
        FxWait.untilEngineReady(robot);
        Scene scene = console.window().stage().getScene();
        WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().navigate("pool")).get();
        FxWait.until(30, "the pool's settings and some usage", () -> robot.lookup("#pool-usage").tryQuery()
                .map(l -> !((Label) l).getText().isEmpty()).orElse(false));
        Thread.sleep(1_500);
        shootBoth(scene, "pool-start");

        FxForm.retype(robot, "#pool-field-maximumPoolSize", "16");
        FxForm.retype(robot, "#pool-field-keepaliveTime", "1 min");
        FxForm.retype(robot, "#pool-field-validationTimeout", "45 s");
        FxWait.until(10, "the engine's message", () -> robot.lookup("#pool-field-validationTimeout-error")
                .queryAs(Label.class).isVisible());
        shootBoth(scene, "pool-edited");

        FxForm.retype(robot, "#pool-field-validationTimeout", "5 s");
        robot.clickOn("#pool-reason").write("bigger pool; firewall drops idle sessions");
        FxWait.until(10, "Apply to be enabled", () -> !robot.lookup("#apply-pool").queryButton().isDisabled());
        robot.clickOn("#apply-pool");
        FxWait.until(10, "the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Scene confirm = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getScene();
        shootBoth(confirm, "pool-confirm-restart");
        robot.clickOn("Apply, restart later");
        FxWait.until(10, "the result", () -> !robot.lookup("#pool-result").queryAs(Label.class).getText().isEmpty());
        Thread.sleep(1_200);
        shootBoth(scene, "pool-applied");

        robot.clickOn(FxForm.tab(robot, "History"));
        shootBoth(scene, "pool-history");

        robot.clickOn(FxForm.tab(robot, "Deploy"));
        FxForm.retype(robot, "#deploy-workers", "2");
        FxForm.retype(robot, "#deploy-bake", "3 s");
        robot.clickOn("#deploy-reason").write("two workers");
        FxWait.until(10, "Deploy to be enabled: " + robot.lookup("#deploy-hint").queryAs(Label.class).getText(),
                () -> !robot.lookup("#deploy-config").queryButton().isDisabled());
        robot.clickOn("#deploy-config");
        FxWait.until(10, "the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) ->
                "Deploy".equals(b.getText())).queryButton());
        FxWait.until(10, "the deployment", () -> !robot.lookup("#deploy-state").queryAs(Label.class).getText().isEmpty());
        FxForm.reveal(robot, "#deploy-workers");
        shootBoth(scene, "pool-deploy-baking");
        FxWait.until(30, "the gate's verdict", () -> "confirmed".equals(robot.lookup("#deploy-state")
                .queryAs(Label.class).getText()));
        shootBoth(scene, "pool-deploy");
        assertThat(Screenshots.directory().resolve("pool-deploy-dark.png")).exists();
    }

    private void shootBoth(Scene scene, String name) throws Exception {
        for (Theme theme : Theme.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().themeProperty().set(theme)).get();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200);
            Screenshots.capture(scene, name + "-" + theme.name().toLowerCase());
        }
    }
}
