package org.patientgen.console.connection.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.LinkStatus;
import org.patientgen.console.settings.ServerEntry;
import org.patientgen.console.testing.LoopbackServers;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.PatientGenException;

class RemoteConnectionTest {
    @TempDir
    Path temp;
    LoopbackServers server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackServers.http(temp, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RemoteConnection connect(String token) {
        return new RemoteConnection(new ServerEntry("Lab", server.url(), "eu-test", ""), token, RemoteTuning.quick(),
                Clock.systemUTC());
    }

    @Test
    void isARemoteConnectionWhoseHealthIsTheServersReadiness() {
        try (RemoteConnection c = connect(server.token)) {
            assertThat(c.kind()).isEqualTo(ConnectionKind.REMOTE);
            assertThat(c.sharesFileSystem()).isFalse();
            assertThat(c.defaultOutputRoot()).isEmpty();
            assertThat(c.region()).isEqualTo("eu-test");

            ConnectionHealth health = c.checkHealth();

            assertThat(health.status()).isEqualTo(ConnectionHealth.Status.UP);
            assertThat(health.detail()).contains(server.url()).contains("Node loopback").contains("database");
            assertThat(c.user()).isEqualTo("olivia");
            assertThat(c.service().jobs(JobQuery.all()).jobs()).isEmpty();
        }
    }

    @Test
    void aStoppedServerIsDownWithTheReasonAndTheLinkSaysLost() throws Exception {
        try (RemoteConnection c = connect(server.token)) {
            List<LinkStatus> seen = new CopyOnWriteArrayList<>();
            c.watchLink(seen::add);
            assertThat(c.checkHealth().status()).isEqualTo(ConnectionHealth.Status.UP);

            server.stopServer();
            ConnectionHealth down = c.checkHealth();

            assertThat(down.status()).isEqualTo(ConnectionHealth.Status.DOWN);
            assertThat(down.detail()).contains("cannot reach");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (seen.stream().noneMatch(LinkStatus::lost) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(seen).anyMatch(LinkStatus::lost);
        }
    }

    @Test
    void aBadTokenIsDownSayingSoAndNeverShowsTheToken() {
        try (RemoteConnection c = connect("pg_not-a-real-token-123456")) {
            ConnectionHealth health = c.checkHealth();
            assertThat(health.status()).isEqualTo(ConnectionHealth.Status.DOWN);
            assertThat(health.detail()).doesNotContain("pg_not-a-real-token-123456");
            assertThatThrownBy(() -> c.service().jobs(JobQuery.all())).isInstanceOf(PatientGenException.class);
            assertThat(c.toString()).doesNotContain("pg_not");
        }
    }
}
