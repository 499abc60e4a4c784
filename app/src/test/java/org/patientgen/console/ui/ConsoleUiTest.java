package org.patientgen.console.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.jobs.JobRow;
import org.patientgen.console.settings.InMemorySettingsStore;
import org.patientgen.console.testing.ConsoleFixture;
import org.patientgen.console.testing.FxWait;
import org.patientgen.console.testing.Screenshots;
import org.patientgen.console.theme.Theme;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A UI test of the whole console: a robot, a temporary engine directory, and the console closed after. */
abstract class ConsoleUiTest {
    @TempDir
    Path temp;

    final FxRobot robot = new FxRobot();
    final InMemorySettingsStore settings = new InMemorySettingsStore();
    ConsoleFixture console;

    /** Opens the console on an engine in the temporary directory running {@code workers} shards at once. */
    ConsoleFixture open(int workers) throws Exception {
        console = ConsoleFixture.open(temp.resolve("engine"), workers, settings);
        return console;
    }

    /** The jobs table. */
    @SuppressWarnings("unchecked")
    TableView<JobRow> table() {
        return robot.lookup("#jobs-table").queryAs(TableView.class);
    }

    /**
     * Renders the console's window in the light and the dark theme to {@code <name>-light.png} and
     * {@code <name>-dark.png} (see {@link Screenshots}), then returns to the light theme.
     */
    void shootBothThemes(String name) throws Exception {
        Scene scene = console.window().stage().getScene();
        for (Theme theme : Theme.values()) {
            WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().themeProperty().set(theme)).get();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200);
            Screenshots.capture(scene, name + "-" + theme.name().toLowerCase(Locale.ROOT));
        }
        WaitForAsyncUtils.asyncFx(() -> console.window().viewModel().themeProperty().set(Theme.LIGHT)).get();
    }

    /**
     * Adds a server through the Servers screen's editor: types its name, URL, token and region,
     * tests the connection (waiting for "Connected"), then leaves the editor open for the caller
     * to look at or save with {@code #server-save}.
     */
    void addServerAndTest(String name, String url, String token, String region) throws Exception {
        robot.clickOn("#nav-servers");
        FxWait.until(10, "the servers screen", () -> robot.lookup("#add-server").tryQuery().isPresent());
        robot.clickOn("#add-server");
        FxWait.until(10, "the server editor", () -> robot.lookup("#server-editor").tryQuery().isPresent());
        robot.clickOn("#server-name").write(name);
        robot.clickOn("#server-url").write(url);
        robot.clickOn("#server-token").write(token);
        robot.clickOn("#server-region").write(region);
        robot.clickOn("#server-test");
        FxWait.until(20, "the test result", () -> labelText("#server-test-result").startsWith("Connected"));
    }

    /**
     * Clicks ({@code clicks} 1 or 2) what {@code query} finds in a live list or table, looking
     * again when the list replaced that node between finding and clicking (TestFX then fails on a
     * node without a scene).
     */
    void clickInLiveTable(String query, int clicks) throws Exception {
        FxWait.until(10, "a click on " + query, () -> {
            try {
                if (clicks == 2) {
                    robot.doubleClickOn(query);
                } else {
                    robot.clickOn(query);
                }
                return true;
            } catch (RuntimeException replaced) {
                return false;
            }
        });
    }

    /** The text of the label {@code query} finds, or "" when there is none. */
    String labelText(String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    @AfterEach
    void closeConsole() throws Exception {
        if (console != null) {
            console.close();
            console = null;
        }
    }
}
