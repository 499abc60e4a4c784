package org.patientgen.engine.client;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A scripted server (mockwebserver3) and a client of it with short backoffs, per test. */
abstract class ScriptedServerTest {
    MockWebServer server;
    RemoteService client;

    /** The client's builder; tests may change options before it is built. */
    RemoteServiceBuilder configure(RemoteServiceBuilder builder) {
        return builder;
    }

    @BeforeEach
    void startScriptedServer() throws Exception {
        server = new MockWebServer();
        server.start();
        client = configure(Clients.builder(server.url("/").toString(), MockServers.TOKEN)).build();
    }

    @AfterEach
    void stopScriptedServer() {
        client.close();
        server.close();
    }
}
