package org.patientgen.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.testing.FakeConnection;
import org.patientgen.console.testing.LocalEngines;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;

class ConnectionsTest {
    @TempDir
    Path temp;
    final ManualTicker ticker = new ManualTicker();

    @Test
    void theLocalEngineStartsOnStartAndReportsItsHealth() {
        LocalEngineConnection local = LocalEngines.in(temp, 0);
        Connections connections = new Connections(local, SameThread.tasks(), ticker, Clock.systemUTC());
        try {
            assertThat(connections.healthProperty(local).get().status()).isEqualTo(ConnectionHealth.Status.STARTING);
            assertThat(local.checkHealth().status()).isEqualTo(ConnectionHealth.Status.STARTING);
            connections.start();
            ConnectionHealth health = connections.healthProperty(local).get();
            assertThat(health.status()).isEqualTo(ConnectionHealth.Status.UP);
            assertThat(health.summary()).startsWith("Up · ");
            assertThat(health.detail()).contains("Database H2");
            assertThat(health.engine().capabilities()).contains("jobs");
            assertThat(connections.active()).isSameAs(local);
            assertThat(ticker.active()).isEqualTo(1);
        } finally {
            connections.close();
        }
        assertThat(ticker.active()).isZero();
        assertThat(local.checkHealth().status()).isEqualTo(ConnectionHealth.Status.STARTING);
    }

    @Test
    void aLocalEngineThatCannotStartIsDownWithTheReason() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        LocalEngineConnection local = LocalEngines.in(file, 0);
        Connections connections = new Connections(local, SameThread.tasks(), ticker, Clock.systemUTC());
        connections.start();
        ConnectionHealth health = connections.healthProperty(local).get();
        assertThat(health.status()).isEqualTo(ConnectionHealth.Status.DOWN);
        assertThat(health.detail()).contains("local engine did not start");
        connections.close();
    }

    @Test
    void remoteConnectionsComeAndGoButTheLocalEngineStays() {
        FakeConnection local = new FakeConnection("Local engine", ConnectionKind.LOCAL);
        FakeConnection remote = new FakeConnection("eu-1", ConnectionKind.REMOTE);
        Connections connections = new Connections(local, SameThread.tasks(), ticker, Clock.systemUTC());
        connections.start();
        assertThat(connections.healthProperty(local).get().detail()).isEqualTo(
                "Local engine is not reachable: connection refused");
        connections.add(remote);
        assertThatThrownBy(() -> connections.add(new FakeConnection("eu-1", ConnectionKind.REMOTE)))
                .hasMessageContaining("exists already");
        remote.health = ConnectionHealth.down("connection refused", Instant.EPOCH);
        connections.activate(remote);
        assertThat(connections.healthProperty(remote).get().detail()).isEqualTo("connection refused");

        ticker.tick();
        assertThat(connections.healthProperty(local).get().detail()).isEqualTo("not started");

        connections.remove(remote);
        assertThat(connections.active()).isSameAs(local);
        assertThat(remote.closed).isTrue();
        assertThatThrownBy(() -> connections.remove(local)).hasMessageContaining("always present");
    }
}
