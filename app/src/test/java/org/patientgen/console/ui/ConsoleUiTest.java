package org.patientgen.console.ui;

import java.nio.file.Path;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.jobs.JobRow;
import org.patientgen.console.settings.InMemorySettingsStore;
import org.patientgen.console.testing.ConsoleFixture;
import org.testfx.api.FxRobot;

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

    @AfterEach
    void closeConsole() throws Exception {
        if (console != null) {
            console.close();
            console = null;
        }
    }
}
