package org.patientgen.engine.client;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.patientgen.engine.testing.TestDatabases.Backend;

/**
 * Tests against a real server with one client per role, run by subclasses for each database
 * ({@code @ParameterizedClass @EnumSource(Backend.class)}).
 */
abstract class RealServerTest {
    @Parameter
    Backend backend;

    @TempDir
    Path temp;

    RemoteFixture r;

    /** Starts the server with {@code workers} shard workers. */
    void start(int workers) throws Exception {
        r = RemoteFixture.start(backend, temp, workers);
    }

    @AfterEach
    void stopServer() {
        if (r != null) {
            r.close();
        }
    }
}
