package org.patientgen.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.patientgen.console.testing.FxWait;
import org.patientgen.console.testing.LoopbackServers;
import org.patientgen.console.testing.Screenshots;
import org.patientgen.console.theme.Theme;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The remote-server flow as a user does it: add a real server on loopback, test it, save, see its
 * health badge, connect, and see the Jobs screen list the server's jobs; then lose the server, see
 * the banner, and see it clear when the server is back. Renders the servers screen and the add
 * dialog in both themes.
 */
class ServersFlowTest extends ConsoleUiTest {
    LoopbackServers server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void addAServerConnectAndSeeItsJobsThenLoseItAndReconnect() throws Exception {
        server = LoopbackServers.http(temp.resolve("remote"), 0);
        server.engine.as("olivia").submit(new JobSubmission(new GenerationSpec(2_500, 7, "VT",
                LocalDate.of(2025, 6, 30), 10, List.of("fhir-ndjson"), "", temp.resolve("remote-out").toString(), 500),
                3, "olivia", Map.of("site", "remote")));
        open(0);
        FxWait.untilEngineReady(robot);

        addServerAndTest("Lab", server.url(), server.token, "eu-test");
        assertThat(labelText("#server-test-result")).contains("role OPERATOR").contains(" ms");
        assertThat(labelText("#server-test-result")).doesNotContain(server.token);
        Scene dialog = robot.lookup("#server-editor").queryAs(DialogPane.class).getScene();
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            Screenshots.capture(dialog, "server-editor-" + theme.name().toLowerCase());
        }
        robot.clickOn("#server-save");
        FxWait.until(20, "the health badge", () -> robot.lookup("#health-Lab").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Up")).orElse(false));
        assertThat(console.window().context().servers().find("Lab")).isNotNull();

        clickInLiveTable("Lab", 2);
        FxWait.until(10, "the switch", () -> switcher().getText().equals("Lab"));
        Scene scene = console.window().stage().getScene();
        Thread.sleep(300);
        for (Theme theme : Theme.values()) {
            setTheme(theme);
            Screenshots.capture(scene, "servers-connected-" + theme.name().toLowerCase());
        }

        robot.clickOn("#nav-jobs");
        FxWait.until(20, "the server's job", () -> table().getItems().size() == 1
                && table().getItems().get(0).job().submission().labels().containsKey("site"));

        server.stopServer();
        FxWait.until(30, "the lost banner", () -> robot.lookup("#lost-banner").tryQuery()
                .map(n -> n.isVisible() && ((Label) n).getText().equals("Lost connection to Lab — reconnecting…"))
                .orElse(false));
        Screenshots.capture(scene, "lost-connection-" + console.window().viewModel().themeProperty().get().name()
                .toLowerCase());
        server.restartServer();
        FxWait.until(40, "the banner to clear", () -> robot.lookup("#lost-banner").tryQuery()
                .map(n -> !n.isVisible()).orElse(true));
        FxWait.until(20, "the jobs again", () -> table().getItems().size() == 1);
    }

    private MenuButton switcher() {
        return robot.lookup("#server-switcher").queryAs(MenuButton.class);
    }

    private void setTheme(Theme theme) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().themeProperty().set(theme)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
    }
}
