package org.patientgen.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.testing.FakeConnection;
import org.patientgen.console.testing.FxWait;
import org.patientgen.console.testing.Screenshots;
import org.patientgen.console.theme.Theme;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.api.RetryPolicy;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard on a real local engine: live figures while a job runs, the window selector, all servers. */
class DashboardFlowTest extends ConsoleUiTest {

    @Test
    void dashboardFollowsARunningJobAndSwitchesWindows() throws Exception {
        open(1);
        FxWait.untilEngineReady(robot);
        robot.clickOn("#nav-dashboard");
        FxWait.until(20, "the first figures", () -> !text("#tile-patients-value").equals("—"));
        assertThat(text("#dashboard-scope")).isEqualTo("Local engine");
        assertThat(text("#jobs-running")).isEqualTo("0");
        assertThat(text("#tile-patients-detail")).isEqualTo("No job running: submit one on the Jobs screen");

        PatientGenService service = console.local().service();
        long job = service.submit(new JobSubmission(new GenerationSpec(400_000, 42, "MA", LocalDate.of(2025, 6, 30), 10,
                List.of("fhir-ndjson"), "", temp.resolve("out").toString(), 10_000), 0, "alice", Map.of(),
                RetryPolicy.DEFAULT)).id();
        FxWait.until(60, "the dashboard to show the job running", () -> text("#jobs-running").equals("1")
                && text("#tile-shards-value").equals("1"));
        FxWait.until(30, "patients per second above zero", () -> !text("#tile-patients-value").equals("0"));
        assertThat(text("#tile-patients-detail")).endsWith("in 5 min");
        Scene scene = console.window().stage().getScene();
        shootBothThemes(scene, "dashboard-running");
        javafx.stage.Stage stage = console.window().stage();
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        }).get();
        shootBothThemes(scene, "dashboard-smallest");
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        }).get();

        robot.clickOn("#window-one-hour");
        FxWait.until(10, "the 1 h window", () -> text("#tile-patients-detail").endsWith("in 1 h"));
        robot.clickOn("#window-one-day");
        FxWait.until(10, "the 24 h window", () -> text("#tile-patients-detail").endsWith("in 24 h"));
        robot.clickOn("#window-one-day");
        assertThat(robot.lookup("#window-one-day").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("clicking the selected window keeps it").isTrue();
        robot.clickOn("#window-five-minutes");
        FxWait.until(10, "the 5 min window", () -> text("#tile-patients-detail").endsWith("in 5 min"));

        robot.clickOn("#all-servers");
        FxWait.until(10, "the all-servers view", () -> text("#dashboard-scope").equals("All servers (1)"));
        assertThat(robot.lookup(".pg-banner").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().startsWith("Only Local engine is connected."))).isTrue();
        shootBothThemes(scene, "dashboard-all-servers");

        // A server that cannot be reached: left out of the totals, and its own view says what to do.
        FakeConnection lab = new FakeConnection("Remote lab", ConnectionKind.REMOTE);
        WaitForAsyncUtils.asyncFx(() -> console.window().context().connections().add(lab)).get();
        FxWait.until(10, "the unreachable server named", () -> text("#dashboard-notice")
                .equals("Not included: Remote lab (Remote lab is not reachable: connection refused)"));
        assertThat(text("#dashboard-scope")).isEqualTo("All servers (2)");
        robot.clickOn("#all-servers");
        WaitForAsyncUtils.asyncFx(() -> console.window().context().connections().activate(lab)).get();
        FxWait.until(10, "the empty state", () -> text("#dashboard-empty").startsWith("Cannot read figures from Remote lab"));
        assertThat(text("#dashboard-empty")).endsWith("Check its health in the header, or choose another connection.");
        shootBothThemes(scene, "dashboard-unreachable");
        WaitForAsyncUtils.asyncFx(() -> console.window().context().connections()
                .activate(console.window().context().connections().local())).get();
        FxWait.until(10, "the active connection again", () -> text("#dashboard-scope").equals("Local engine")
                && !robot.lookup("#dashboard-empty").queryAs(Label.class).isVisible());

        service.cancel(job, "test over");
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private void shootBothThemes(Scene scene, String name) throws Exception {
        for (Theme theme : Theme.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().themeProperty().set(theme)).get();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(1200);
            Screenshots.capture(scene, name + "-" + theme.name().toLowerCase());
        }
    }
}
