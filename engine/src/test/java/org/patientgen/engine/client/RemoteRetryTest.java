package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.patientgen.engine.client.MockServers.TOKEN;
import static org.patientgen.engine.client.MockServers.json;
import static org.patientgen.engine.client.MockServers.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.wire.Problem;

/** Retries, typed errors and foreign answers, against a scripted server (mockwebserver3). */
class RemoteRetryTest extends ScriptedServerTest {
    private static final JobPage EMPTY = new JobPage(List.of(), null);

    private static PatientGenException failure(ErrorKind kind, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        PatientGenException e = catchThrowableOfType(PatientGenException.class, call);
        assertThat(e).as("expected a PatientGenException").isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
        return e;
    }

    private static MockResponse dropped() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    @Test
    void aReadIsRetriedAfter503AndSendsTheTokenAsABearerHeader() throws Exception {
        server.enqueue(problem(ErrorKind.UNAVAILABLE, "the server's database is unavailable; try again shortly"));
        server.enqueue(json(EMPTY));
        assertThat(client.jobs(JobQuery.all().withOwner("olivia")).jobs()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/jobs");
        assertThat(first.getUrl().queryParameter("owner")).isEqualTo("olivia");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("50");
        assertThat(client.connectionStatus().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void retriesAreBoundedAndTheLastProblemIsReported() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(problem(ErrorKind.UNAVAILABLE, "the server's database is unavailable; try again shortly"));
        }
        assertThat(failure(ErrorKind.UNAVAILABLE, client::schedules).getMessage()).contains("database is unavailable");
        assertThat(server.getRequestCount()).as("3 tries in all").isEqualTo(3);
    }

    @Test
    void aReadIsRetriedWhenTheConnectionDrops() {
        server.enqueue(dropped());
        server.enqueue(json(EMPTY));
        assertThat(client.jobs(JobQuery.all()).jobs()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSubmitIsNeverRetriedNeitherAfter503NorAfterADroppedConnection() throws Exception {
        server.enqueue(problem(ErrorKind.UNAVAILABLE, "busy"));
        failure(ErrorKind.UNAVAILABLE, () -> client.submit(Clients.job(java.nio.file.Path.of("/tmp/x"), 1, 1, Map.of())));
        assertThat(server.getRequestCount()).isEqualTo(1);
        server.takeRequest();

        server.enqueue(dropped());
        PatientGenException e = failure(ErrorKind.UNAVAILABLE, () -> client.submit(Clients.job(
                java.nio.file.Path.of("/tmp/y"), 1, 1, Map.of())));
        assertThat(e.getMessage()).contains(server.url("/").host(), "failed");
        assertThat(server.getRequestCount()).as("the submit reached the server once and was not sent again")
                .isEqualTo(2);
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getMethod()).isEqualTo("POST");
        for (int i = 0; i < 4; i++) {
            server.enqueue(problem(ErrorKind.UNAVAILABLE, "busy"));
        }
        failure(ErrorKind.UNAVAILABLE, () -> client.rerun(1));
        failure(ErrorKind.UNAVAILABLE, () -> client.cancelAll(List.of(1L), "once"));
        failure(ErrorKind.UNAVAILABLE, () -> client.runScheduleNow(1));
        failure(ErrorKind.UNAVAILABLE, () -> client.rollbackPool(1, "once"));
        assertThat(server.getRequestCount()).as("each sent once").isEqualTo(6);
    }

    @Test
    void repeatableWritesAreRetriedOthersAreNot() {
        server.enqueue(problem(ErrorKind.UNAVAILABLE, "busy"));
        server.enqueue(json(Map.of("concurrency", 2, "active", 2, "runningShards", 0)));
        client.setWorkerConcurrency(2);
        assertThat(server.getRequestCount()).as("PUT workers is idempotent").isEqualTo(2);

        server.enqueue(problem(ErrorKind.UNAVAILABLE, "busy"));
        failure(ErrorKind.UNAVAILABLE, () -> client.applyPool(PoolSettings.defaults(), "each apply is a revision"));
        server.enqueue(problem(ErrorKind.UNAVAILABLE, "busy"));
        failure(ErrorKind.UNAVAILABLE, () -> client.deleteSchedule(4));
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void retryAfterIsWaitedForUpToTheLimitAndOtherwiseReportedInTheMessage() {
        server.enqueue(new MockResponse.Builder(problem(Problem.of(ErrorKind.RATE_LIMITED, "too many requests",
                "/api/v1/jobs"))).setHeader("Retry-After", "1").build());
        server.enqueue(json(EMPTY));
        long start = System.nanoTime();
        client.jobs(JobQuery.all());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));

        server.enqueue(new MockResponse.Builder(problem(Problem.of(ErrorKind.RATE_LIMITED, "too many requests",
                "/api/v1/jobs"))).setHeader("Retry-After", "60").build());
        PatientGenException e = failure(ErrorKind.RATE_LIMITED, () -> client.jobs(JobQuery.all()));
        assertThat(e.getMessage()).contains("too many requests", "retry after 60 s");
        assertThat(server.getRequestCount()).as("a minute is longer than the client waits").isEqualTo(3);

        server.enqueue(problem(Problem.of(ErrorKind.RATE_LIMITED, "too many requests for this token; retry in 3 s",
                "/api/v1/jobs").withRetryAfter(3)));
        assertThat(failure(ErrorKind.RATE_LIMITED, () -> client.cancel(1, "")).getMessage())
                .isEqualTo("too many requests for this token; retry in 3 s");
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void eachProblemKindBecomesTheSameErrorKind(ErrorKind kind) {
        List<SettingsProblem> problems = kind == ErrorKind.INVALID
                ? List.of(new SettingsProblem("maximumPoolSize", "0", "at least 1", "set 1 or more")) : List.of();
        server.enqueue(problem(Problem.of(kind, "detail for " + kind, "/api/v1/pool").withProblems(problems)));
        PatientGenException e = failure(kind, () -> client.applyPool(PoolSettings.defaults(), "try"));
        assertThat(e.getMessage()).startsWith("detail for " + kind);
        assertThat(e.problems()).isEqualTo(problems);
    }

    @Test
    void answersThatAreNotFromAPatientGenServerSaySo() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html>Bad Gateway</html>").build());
        PatientGenException gateway = failure(ErrorKind.UNAVAILABLE, client::pool);
        assertThat(gateway.getMessage()).contains("HTTP 502", "no problem document", "PatientGen server");
        assertThat(server.getRequestCount()).as("a gateway error is not retried (only 503 and 429 are)").isEqualTo(1);

        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html").body("nope").build());
        failure(ErrorKind.NOT_FOUND, () -> client.cancel(1, ""));
        server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "https://elsewhere/").build());
        failure(ErrorKind.INVALID, () -> client.cancel(1, ""));

        server.enqueue(json(Map.of("surprise", true)));
        PatientGenException unreadable = failure(ErrorKind.INTERNAL, () -> client.job(1));
        assertThat(unreadable.getMessage()).contains("cannot read as Job", "different PatientGen versions");
    }

    @Test
    void healthIsAnAnswerEvenWhenNotReadyUnlessTheServerSendsAProblem() {
        EngineHealth down = new EngineHealth(false, List.of(new HealthCheck("database", false, "unreachable (2 s)")),
                Instant.parse("2026-11-28T12:00:00Z"));
        server.enqueue(json(503, down));
        assertThat(client.health()).isEqualTo(down);
        assertThat(server.getRequestCount()).as("a 503 with health is not retried").isEqualTo(1);

        for (int i = 0; i < 3; i++) {
            server.enqueue(problem(ErrorKind.UNAVAILABLE, "starting"));
        }
        failure(ErrorKind.UNAVAILABLE, client::health);
    }
}
