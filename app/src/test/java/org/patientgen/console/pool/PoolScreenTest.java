package org.patientgen.console.pool;

import java.nio.file.Path;
import java.time.Clock;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.testing.FakeDialogs;
import org.patientgen.console.testing.LocalEngines;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;

/**
 * The pool screen's ViewModel attached to a real local engine (no workers) in a temporary
 * directory, with same-thread tasks, a manual ticker and dialogs the test answers.
 */
abstract class PoolScreenTest {
    @TempDir
    Path temp;

    final ManualTicker ticker = new ManualTicker();
    final FakeDialogs dialogs = new FakeDialogs();
    LocalEngineConnection engine;
    PoolViewModel pool;

    @BeforeEach
    void attach() {
        engine = LocalEngines.in(temp.resolve("engine"), 0);
        pool = new PoolViewModel(new SimpleObjectProperty<Connection>(engine), SameThread.tasks(), ticker, dialogs,
                new Freshness(), Clock.systemDefaultZone());
        pool.attach();
    }

    @AfterEach
    void detach() {
        pool.detach();
        engine.close();
    }
}
