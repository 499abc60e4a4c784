package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.patientgen.engine.client.Clients.await;
import static org.patientgen.engine.client.Clients.job;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.server.PatientGenServer;
import org.patientgen.engine.server.ServerConfig.TlsSettings;
import org.patientgen.engine.server.auth.TokenStore;
import org.patientgen.engine.server.tls.SelfSignedCertificate;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import org.patientgen.engine.testing.TestDatabases;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.Role;

/**
 * A server with the {@code --self-signed} certificate: the client connects (REST and wss) only with
 * the fingerprint the server prints pinned, refuses a wrong one with a message naming both, and
 * probeCertificate shows the printed fingerprint without trusting anything.
 */
class RemoteTlsTest {
    @TempDir
    Path temp;

    Engine engine;
    PatientGenServer server;
    TlsSettings tls;
    String fingerprint;
    String token;
    final List<RemoteService> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path dataDir = temp.resolve("data");
        tls = SelfSignedCertificate.ensure(dataDir, "127.0.0.1", Clock.systemUTC());
        fingerprint = SelfSignedCertificate.fingerprint(tls);
        engine = Engine.start(EngineConfig.defaults(dataDir).withDatabase(TestDatabases.fresh(Backend.H2))
                .withWorkers(0, ShardWorkers.Settings.defaults()).withTiming(Duration.ofMillis(200), Duration.ofMillis(50)));
        token = new TokenStore(engine.pool().dataSource(), engine.config().clock()).create("olivia", Role.OPERATOR, "test")
                .token();
        server = PatientGenServer.start(engine, Clients.server().withListen("127.0.0.1", 0).withTls(tls));
    }

    @AfterEach
    void stop() {
        clients.forEach(RemoteService::close);
        if (server != null) {
            server.close();
        }
        engine.close();
    }

    private RemoteService client(String url, String pin) {
        RemoteServiceBuilder b = Clients.builder(url, token);
        if (pin != null) {
            b.pinnedCertificate(pin);
        }
        RemoteService c = b.build();
        clients.add(c);
        return c;
    }

    private static PatientGenException failure(ErrorKind kind, ThrowingCallable call) {
        PatientGenException e = catchThrowableOfType(PatientGenException.class, call);
        assertThat(e).as("expected a PatientGenException").isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        return e;
    }

    @Test
    void probeCertificateShowsThePrintedFingerprintWithoutTrustingOrSendingAnything() {
        ServerCertificate certificate = RemoteService.probeCertificate(server.uri().toString());
        assertThat(certificate.fingerprint()).isEqualTo(fingerprint);
        assertThat(certificate.subject()).contains("PatientGen self-signed");
        assertThat(certificate.selfSigned()).isTrue();
        assertThat(certificate.names()).contains("localhost", "127.0.0.1");
        assertThat(certificate.notAfter()).isAfter(certificate.notBefore());
        assertThat(certificate.server()).isEqualTo(server.uri());

        failure(ErrorKind.INVALID, () -> RemoteService.probeCertificate("http://127.0.0.1:" + server.port()));
        failure(ErrorKind.INVALID, () -> RemoteService.probeCertificate("not a url"));
    }

    @Test
    void theRightPinConnectsRestAndEventsOverTls() throws Exception {
        RemoteService pinned = client(server.uri().toString(), fingerprint.replace(":", "").toLowerCase(Locale.ROOT));
        ServerProbe probe = pinned.testConnection();
        assertThat(probe.tls()).isTrue();
        assertThat(probe.role()).isEqualTo(Role.OPERATOR);
        assertThat(pinned.toString()).contains("pinned certificate " + fingerprint).doesNotContain(token);

        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (RemoteSubscription subscription = pinned.subscribe(Set.of(EventTopic.JOBS), events::add)) {
            await(subscription::subscribed);
            Job job = pinned.submit(job(temp.resolve("out"), 1, 1, Map.of()));
            await(() -> events.stream().anyMatch(e -> e instanceof JobStateChanged c && c.transition().jobId() == job.id()));
        }
    }

    @Test
    void aWrongPinOrNoPinIsRefusedWithAMessageSayingWhatToDo() throws Exception {
        String wrong = fingerprint.substring(0, fingerprint.length() - 2) + (fingerprint.endsWith("00") ? "01" : "00");
        try (CapturedLogs logs = new CapturedLogs()) {
            RemoteService impostor = client(server.uri().toString(), wrong);
            PatientGenException refused = failure(ErrorKind.UNAVAILABLE, impostor::testConnection);
            assertThat(refused.getMessage()).contains("is not the pinned one", "fingerprint " + fingerprint,
                    "not the pinned " + wrong, server.uri().toString());
            failure(ErrorKind.UNAVAILABLE, impostor::pool);
            assertThat(logs.text()).as("a TLS refusal is not retried").containsOnlyOnce("GET /api/v1/pool failed");

            RemoteService unpinned = client(server.uri().toString(), null);
            assertThat(failure(ErrorKind.UNAVAILABLE, unpinned::testConnection).getMessage())
                    .contains("does not trust", "pin the fingerprint", "probeCertificate");
            assertThat(logs.text()).doesNotContain(token);
        }

        RemoteService plain = client(server.uri().toString().replace("https", "http"), null);
        failure(ErrorKind.UNAVAILABLE, plain::testConnection);
        failure(ErrorKind.INVALID, () -> Clients.builder(server.uri().toString().replace("https", "http"), token)
                .pinnedCertificate(fingerprint).build());
        failure(ErrorKind.INVALID, () -> Clients.builder(server.uri().toString(), token).pinnedCertificate("AB:CD")
                .build());
    }

    @Test
    void aPinnedServerIsAcceptedUnderANameItsCertificateDoesNotList() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (ServerSocket probe = new ServerSocket(0, 1, other)) {
            Assumptions.assumeTrue(probe.isBound(), "127.0.0.2 is not usable here");
        } catch (java.io.IOException e) {
            Assumptions.abort("127.0.0.2 is not usable here: " + e.getMessage());
        }
        server.close();
        server = PatientGenServer.start(engine, Clients.server().withListen("127.0.0.2", 0).withTls(tls));
        assertThat(RemoteService.probeCertificate(server.uri().toString()).names()).doesNotContain("127.0.0.2");

        assertThat(client(server.uri().toString(), fingerprint).testConnection().caller()).isEqualTo("olivia");
        assertThat(failure(ErrorKind.UNAVAILABLE, client(server.uri().toString(), null)::testConnection).getMessage())
                .contains("does not trust");
    }
}
