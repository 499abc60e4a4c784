package org.patientgen.console.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.jobs.JobRow;
import org.patientgen.console.settings.InMemorySettingsStore;
import org.patientgen.console.testing.ConsoleFixture;
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

    @AfterEach
    void closeConsole() throws Exception {
        if (console != null) {
            console.close();
            console = null;
        }
    }
}
