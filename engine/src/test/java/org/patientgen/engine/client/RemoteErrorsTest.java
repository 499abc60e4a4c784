package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patientgen.engine.client.Clients.job;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.server.ServerConfig;
import org.patientgen.engine.server.ServerFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.Responses;
import org.patientgen.engine.wire.Role;

/** Roles, tokens and every problem kind through the client, and that the token never shows. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class RemoteErrorsTest {
    @Parameter
    Backend backend;

    @TempDir
    Path temp;

    ServerFixture f;
    final List<RemoteService> clients = new ArrayList<>();
    final List<String> messages = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(RemoteService::close);
        if (f != null) {
            f.close();
        }
    }

    private RemoteService client(String token) {
        RemoteService c = Clients.connect(f, token);
        clients.add(c);
        return c;
    }

    private PatientGenException fails(ErrorKind kind, ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(PatientGenException.class);
        PatientGenException e = (PatientGenException) thrown;
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        messages.add(e.getMessage() + " " + e);
        return e;
    }

    @Test
    void rolesTokensAndProblemKindsAreTypedAndTheTokenNeverShows() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            f = ServerFixture.start(backend, temp, 0, Clients.server());
            RemoteService admin = client(f.admin);
            RemoteService operator = client(f.operator);
            RemoteService viewer = client(f.viewer);

            ServerProbe probe = viewer.testConnection();
            assertThat(probe.role()).isEqualTo(Role.VIEWER);
            assertThat(probe.caller()).isEqualTo("victor");
            assertThat(probe.version()).isNotBlank();
            assertThat(probe.engine().node()).isEqualTo("test-node");
            assertThat(probe.tls()).isFalse();
            assertThat(probe.latency()).isPositive().isLessThan(Duration.ofSeconds(10));
            assertThat(probe.capabilities()).contains("rest", "websocket");
            assertThat(admin.testConnection().role()).isEqualTo(Role.ADMIN);
            assertThat(viewer.connectionStatus().state()).isEqualTo(ConnectionState.CONNECTED);

            fails(ErrorKind.FORBIDDEN, () -> viewer.submit(job(temp.resolve("x"), 1, 1, Map.of())));
            fails(ErrorKind.FORBIDDEN, () -> viewer.createSchedule(ScheduleDefinition.of("s", "0 1 * * *",
                    CronSyntax.UNIX, java.time.ZoneId.of("UTC"), job(temp.resolve("s"), 1, 1, Map.of()))));
            fails(ErrorKind.FORBIDDEN, () -> operator.setWorkerConcurrency(3));
            fails(ErrorKind.FORBIDDEN, () -> operator.restartPool("not allowed"));

            String unknown = "pg_" + "A".repeat(43);
            fails(ErrorKind.UNAUTHENTICATED, () -> client(unknown).testConnection());
            assertThat(fails(ErrorKind.UNAUTHENTICATED, () -> client("not-a-token").jobs(JobQuery.all())).getMessage())
                    .contains("malformed");
            Responses.TokenCreated created = f.post("/api/v1/tokens", f.admin,
                    "{\"name\": \"temp\", \"role\": \"OPERATOR\"}").as(Responses.TokenCreated.class);
            RemoteService revocable = client(created.token());
            assertThat(revocable.testConnection().role()).isEqualTo(Role.OPERATOR);
            assertThat(f.call("DELETE", "/api/v1/tokens/" + created.info().id(), f.admin, null).status()).isEqualTo(200);
            fails(ErrorKind.UNAUTHENTICATED, revocable::info);

            Job job = operator.submit(job(temp.resolve("j"), 2, 1, Map.of()));
            fails(ErrorKind.INVALID, () -> operator.reprioritise(job.id(), 5_000));
            fails(ErrorKind.INVALID, () -> viewer.upcomingFires(1, 0));
            fails(ErrorKind.NOT_FOUND, () -> viewer.progress(987_654));
            fails(ErrorKind.NOT_FOUND, () -> viewer.workflow(987_654));
            operator.cancel(job.id(), "first");
            fails(ErrorKind.CONFLICT, () -> operator.cancel(job.id(), "second"));
            fails(ErrorKind.CONFLICT, () -> operator.reprioritise(job.id(), 1));

            assertThat(admin.toString()).contains(f.server.uri().toString().replace("http://", ""))
                    .doesNotContain(f.admin);
            assertThat(Clients.builder("http://127.0.0.1:1", f.admin).toString()).doesNotContain(f.admin);
            assertThat(logs.text()).as("the capture works").contains("GET /api/v1/info -> 401", "POST /api/v1/jobs");
            String all = logs.text() + "\n" + String.join("\n", messages);
            for (String secret : List.of(f.admin, f.operator, f.viewer, created.token())) {
                assertThat(all).doesNotContain(secret);
            }
        }
    }

    @Test
    void rateLimitedCallsSayWhenToRetryAndReadsWaitForIt() throws Exception {
        f = ServerFixture.start(backend, temp, 0, ServerConfig.defaults().withLimits(ServerConfig.DEFAULT_MAX_BODY, 1,
                2));
        RemoteService impatient = Clients.builder(f.server.uri().toString(), f.operator).maxRetryAfter(Duration.ZERO)
                .build();
        clients.add(impatient);
        PatientGenException limited = null;
        for (int i = 0; i < 5 && limited == null; i++) {
            try {
                impatient.submit(job(temp.resolve("r" + i), 1, 1, Map.of()));
            } catch (PatientGenException e) {
                limited = e;
            }
        }
        assertThat(limited).isNotNull();
        assertThat(limited.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(limited.getMessage()).containsPattern("retry in [0-9]+ s");

        RemoteService patient = Clients.builder(f.server.uri().toString(), f.operator).maxRetryAfter(
                Duration.ofSeconds(5)).build();
        clients.add(patient);
        for (int i = 0; i < 4; i++) {
            assertThat(patient.jobs(JobQuery.all()).jobs()).as("a read waits out Retry-After and succeeds").isNotNull();
        }
    }

    @Test
    void anUnreachableServerIsUnavailableWithAMessageNamingItAndWhatToCheck() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String token = "pg_" + "B".repeat(43);
        try (CapturedLogs logs = new CapturedLogs();
             RemoteService nowhere = Clients.builder("http://127.0.0.1:" + port, token).build()) {
            List<ConnectionStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            nowhere.addConnectionListener(seen::add);
            PatientGenException e = fails(ErrorKind.UNAVAILABLE, nowhere::info);
            assertThat(e.getMessage()).contains("http://127.0.0.1:" + port, "check that it is running");
            fails(ErrorKind.UNAVAILABLE, () -> nowhere.cancel(1, "posted once"));
            Clients.await(() -> seen.stream().anyMatch(s -> s.state() == ConnectionState.RECONNECTING));
            assertThat(nowhere.connectionStatus().detail()).contains("127.0.0.1:" + port);
            nowhere.close();
            Clients.await(() -> seen.get(seen.size() - 1).state() == ConnectionState.CLOSED);
            assertThat(fails(ErrorKind.UNAVAILABLE, nowhere::info).getMessage()).contains("closed");
            assertThat(logs.text()).contains("server lost");
            assertThat(logs.text() + String.join("\n", messages)).doesNotContain(token);
        }
    }
}
