package org.patientgen.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.persistence.DatabaseTarget;
import org.patientgen.engine.server.ServerFixture.Reply;
import org.patientgen.engine.server.http.RouteTable;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.Role;
import org.slf4j.LoggerFactory;

/** Authentication, roles, rate limits, every error response, and that no secret leaks. */
class ServerSecurityTest extends LoopbackServerTest {

    @Test
    void everyRouteChecksTokenAndRole() throws Exception {
        f = ServerFixture.start(Backend.H2, temp);
        Map<Role, String> tokens = Map.of(Role.VIEWER, f.viewer, Role.OPERATOR, f.operator, Role.ADMIN, f.admin);
        int checked = 0;
        for (RouteTable.Route route : f.server.routes()) {
            String path = route.path().replaceAll("\\{[^}]+}", "999999");
            String method = route.method().name();
            if (path.equals("/api/v1/events") || path.equals("/api/v1/pool/restart")) {
                continue;
            }
            if (route.role() == null) {
                assertThat(f.call(method, path, null, null).status()).as(method + " " + path).isEqualTo(200);
                continue;
            }
            Reply anonymous = f.call(method, path, null, null);
            assertThat(anonymous.status()).as(method + " " + path + " without a token").isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
            for (Role role : Role.values()) {
                Reply r = f.call(method, path, tokens.get(role), null);
                if (role.allows(route.role())) {
                    assertThat(r.status()).as(method + " " + path + " as " + role).isNotIn(401, 403);
                } else {
                    assertThat(r.status()).as(method + " " + path + " as " + role).isEqualTo(403);
                    assertThat(r.json().get("kind").asText()).isEqualTo("FORBIDDEN");
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
        assertThat(f.get("/api/v1/info", "pg_" + "A".repeat(43)).status()).isEqualTo(401);
        assertThat(f.get("/api/v1/info", "not-a-token").json().get("detail").asText()).contains("malformed");
        assertThat(f.call("GET", "/api/v1/info", null, null).json().get("type").asText())
                .isEqualTo("urn:patientgen:problem:unauthenticated");
    }

    @Test
    void eachMistakeHasItsOwnProblem() throws Exception {
        f = ServerFixture.start(Backend.H2, temp, 0, ServerConfig.defaults().withLimits(4_096, 50, 100));
        assertProblem(f.post("/api/v1/jobs", f.operator, "{\"population\": 10,"), 400, "invalid", "not valid JSON");
        assertProblem(f.post("/api/v1/jobs", f.operator, "{\"population\": 10, \"colour\": \"red\"}"), 400, "invalid",
                "unknown field 'colour'");
        assertProblem(f.post("/api/v1/jobs", f.operator, "{\"population\": 10, \"population\": 11}"), 400, "invalid",
                "Duplicate field");
        assertProblem(f.post("/api/v1/jobs", f.operator, "{\"population\": \"ten\"}"), 400, "invalid", "population");
        assertProblem(f.post("/api/v1/jobs", f.operator, "[1, 2]"), 400, "invalid", "JSON object");
        assertProblem(f.post("/api/v1/jobs", f.operator, "{}"), 400, "invalid", "'population' is required");
        assertProblem(f.post("/api/v1/jobs", f.operator, "{\"population\": 10, \"priority\": 5000}"), 400, "invalid",
                "priority must be between -1000 and 1000");
        assertProblem(f.post("/api/v1/jobs", f.operator, "{\"population\": 10, \"output\": \"relative/dir\"}"), 400,
                "invalid", "absolute path");
        assertProblem(f.get("/api/v1/jobs?limit=0", f.viewer), 400, "invalid", "'limit'");
        assertProblem(f.get("/api/v1/jobs?state=DONE", f.viewer), 400, "invalid", "'state'");
        assertProblem(f.get("/api/v1/jobs/abc", f.viewer), 400, "invalid", "positive whole number");
        assertProblem(f.post("/api/v1/jobs", f.operator, "{\"population\": 10, \"labels\": {\"x\": \""
                + "y".repeat(5_000) + "\"}}"), 413, "payload-too-large", "4096 bytes");
        assertProblem(f.get("/api/v1/jobs/424242", f.viewer), 404, "not-found", "job 424242 does not exist");
        assertProblem(f.get("/api/v1/no-such-thing", f.viewer), 404, "not-found", "no such endpoint");
        assertProblem(f.call("PATCH", "/api/v1/jobs", f.operator, "{}"), 405, "method-not-allowed", "PATCH");
        assertProblem(f.call("DELETE", "/api/v1/jobs/1", f.operator, null), 405, "method-not-allowed", "DELETE");
        try (okhttp3.Response r = f.http.newCall(new okhttp3.Request.Builder().url(f.url("/api/v1/jobs"))
                .header("Authorization", "Bearer " + f.operator)
                .post(okhttp3.RequestBody.create("population=10",
                        okhttp3.MediaType.get("application/x-www-form-urlencoded"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(415);
            assertThat(r.body().string()).contains("unsupported-media-type", "Content-Type: application/json");
        }
        long job = f.post("/api/v1/jobs", f.operator, "{\"population\": 10}").json().get("id").asLong();
        f.post("/api/v1/jobs/" + job + "/cancel", f.operator, null);
        assertProblem(f.post("/api/v1/jobs/" + job + "/cancel", f.operator, null), 409, "conflict", "");
    }

    private static void assertProblem(Reply r, int status, String type, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asText()).isEqualTo("urn:patientgen:problem:" + type);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("instance").asText()).startsWith("/");
        assertThat(p.get("detail").asText()).contains(detail);
    }

    @Test
    void aTokenOverItsRateIsToldWhenToComeBack() throws Exception {
        f = ServerFixture.start(Backend.H2, temp, 0, ServerConfig.defaults().withLimits(1 << 20, 0.5, 3));
        for (int i = 0; i < 3; i++) {
            assertThat(f.get("/api/v1/info", f.viewer).status()).isEqualTo(200);
        }
        Reply limited = f.get("/api/v1/info", f.viewer);
        assertProblem(limited, 429, "rate-limited", "too many requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(limited.json().get("retryAfterSeconds").asLong()).isBetween(1L, 2L);
        assertThat(f.get("/api/v1/info", f.admin).status()).as("other tokens are not affected").isEqualTo(200);
        assertThat(f.get("/health/ready", null).status()).as("health checks are not limited").isEqualTo(200);
    }

    @Test
    void secretsNeverAppearInLogsOrResponses() throws Exception {
        String dbPassword = "Db-Secret-" + System.nanoTime();
        Path dataDir = temp.resolve("data");
        DatabaseTarget target = new DatabaseTarget(DatabaseTarget.embedded(dataDir).jdbcUrl(), "owner", dbPassword);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = context.getLogger("org.patientgen");
        Level before = ours.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        ours.setLevel(Level.DEBUG);
        List<String> seen = new ArrayList<>();
        String created;
        try (Engine engine = Engine.start(EngineConfig.defaults(dataDir).withDatabase(target).withWorkers(0,
                org.patientgen.engine.jobs.ShardWorkers.Settings.defaults()));
             PatientGenServer server = PatientGenServer.start(engine, ServerConfig.defaults().withListen("127.0.0.1", 0))) {
            String admin = new org.patientgen.engine.server.auth.TokenStore(engine.pool().dataSource(),
                    engine.config().clock()).create("root", Role.ADMIN, "test").token();
            okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
            ServerFixture.Reply reply;
            for (String path : List.of("/api/v1/info", "/api/v1/pool", "/api/v1/tokens", "/api/v1/audit",
                    "/api/v1/logs", "/api/v1/metrics", "/metrics", "/api/v1/openapi.json", "/health/ready")) {
                seen.add(call(http, server, "GET", path, admin, null));
            }
            created = call(http, server, "POST", "/api/v1/tokens", admin, "{\"name\": \"ci\", \"role\": \"VIEWER\"}");
            String second = org.patientgen.engine.wire.WireJson.mapper().readTree(created.substring(created.indexOf("\n\n") + 2))
                    .get("token").asText();
            seen.add(call(http, server, "GET", "/api/v1/tokens", admin, null));
            seen.add(call(http, server, "GET", "/api/v1/audit", admin, null));
            seen.add(call(http, server, "GET", "/api/v1/info?token=" + second, null, null));
            seen.add(call(http, server, "GET", "/api/v1/info", second + "x", null));
            seen.add(call(http, server, "PUT", "/api/v1/pool", admin, "{\"settings\": {\"poolName\": \"x\"}}"));
            seen.add(call(http, server, "GET", "/api/v1/logs?limit=2000", admin, null));
            String logs = String.join("\n", captured.list.stream().map(e -> e.getFormattedMessage() + " "
                    + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList());
            assertThat(captured.list).as("debug logging was on").isNotEmpty();
            for (String secret : List.of(dbPassword, admin, second)) {
                assertThat(logs).doesNotContain(secret);
                for (String body : seen) {
                    assertThat(body).doesNotContain(secret);
                }
            }
            assertThat(created).contains(second);
            http.dispatcher().executorService().shutdown();
        } finally {
            root.detachAppender(captured);
            ours.setLevel(before);
        }
    }

    private static String call(okhttp3.OkHttpClient http, PatientGenServer server, String method, String path,
                               String token, String body) throws java.io.IOException {
        okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(server.uri() + path)
                .method(method, body == null ? null : okhttp3.RequestBody.create(body, ServerFixture.JSON));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try (okhttp3.Response r = http.newCall(b.build()).execute()) {
            return r.code() + " " + r.headers() + "\n" + r.body().string();
        }
    }
}
