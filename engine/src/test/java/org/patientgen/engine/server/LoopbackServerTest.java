package org.patientgen.engine.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of a real server on a loopback port: the test starts {@link #f}, this stops it. */
abstract class LoopbackServerTest {
    @TempDir
    Path temp;

    ServerFixture f;

    @AfterEach
    void stopServer() {
        if (f != null) {
            f.close();
        }
    }
}
