package org.patientgen.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.server.ServerFixture.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.server.ServerFixture.Reply;
import org.patientgen.engine.testing.ExhaustedPool;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.Requests;
import org.patientgen.engine.wire.WireJson;

/**
 * Runtime configuration revisions over HTTP on a real loopback server: deployments behind the
 * health gate (confirmed, and rolled back by the gate when the pool is exhausted), hand rollback,
 * and the API limits following the running configuration.
 */
class ServerConfigTest extends LoopbackServerTest {

    private RuntimeConfig config() {
        return config(f.viewer);
    }

    private RuntimeConfig config(String token) {
        return f.get("/api/v1/config", token).as(RuntimeConfig.class);
    }

    private Reply apply(RuntimeConfig config, String reason, Duration bakeTime) {
        return f.post("/api/v1/config", f.admin, WireJson.write(new Requests.ConfigApply(config, reason, bakeTime, false)));
    }

    private ConfigDeployment settled(long revision) throws InterruptedException {
        await(() -> f.get("/api/v1/config/deployments/" + revision, f.viewer).as(ConfigDeployment.class).settled());
        return f.get("/api/v1/config/deployments/" + revision, f.viewer).as(ConfigDeployment.class);
    }

    @Test
    void aGatedDeploymentIsConfirmedAndTheHistoryAndAuditShowIt() throws Exception {
        f = ServerFixture.start(Backend.H2, temp);
        RuntimeConfig before = config();
        assertThat(before.requestsPerMinutePerToken()).as("the server's --rate-limit 50/s").isEqualTo(3_000);
        assertThat(before.maxRequestBodyKiB()).isEqualTo(1_024);

        Reply applied = apply(before.withWorkers(1), "one worker", Duration.ofSeconds(1));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        ConfigDeployment baking = applied.as(ConfigDeployment.class);
        assertThat(baking.state()).isEqualTo(ConfigDeployment.State.BAKING);
        assertThat(applied.json().get("bakeUntil").asText()).isNotBlank();

        ConfigDeployment done = settled(baking.revision());
        assertThat(done.state()).isEqualTo(ConfigDeployment.State.CONFIRMED);
        assertThat(done.lastHealth().ready()).isTrue();
        assertThat(config().workers()).isEqualTo(1);
        ConfigRevision[] history = f.get("/api/v1/config/history", f.viewer).as(ConfigRevision[].class);
        assertThat(history).extracting(ConfigRevision::reason)
                .containsExactly("one worker", "configuration before the first deployment");
        assertThat(history[0].appliedBy()).isEqualTo("root");
        assertThat(f.get("/api/v1/audit?action=config.", f.admin).json().get("entries").get(0).get("remoteAddress")
                .asText()).isEqualTo("127.0.0.1");

        assertThat(apply(before.withWorkers(1), "", Duration.ofMillis(10)).json().get("detail").asText())
                .contains("bake time must be between");
        assertThat(f.post("/api/v1/config", f.admin, "{\"config\": " + WireJson.write(before).replace(
                "\"workers\":0", "\"workers\":999") + "}").json().get("detail").asText())
                .contains("workers must be between 0 and 256");
        assertThat(f.post("/api/v1/config", f.admin, "{\"reason\": \"nothing\"}").json().get("detail").asText())
                .contains("'config' is required");
        assertThat(f.get("/api/v1/config/deployments/424242", f.viewer).status()).isEqualTo(404);
        assertThat(f.post("/api/v1/config", f.operator, WireJson.write(new Requests.ConfigApply(before, "", null, false)))
                .status()).isEqualTo(403);
    }

    @Test
    void anExhaustedPoolDuringTheBakeTimeIsRolledBackByTheGate() throws Exception {
        // A pool that opens connections as needed: the shrunk pool's surplus is what the test holds,
        // and the restored pool has room for the gate to record its rollback.
        f = ServerFixture.start(Backend.H2, temp, 0, ServerConfig.defaults(), StoreFixture.testSettings().build());
        RuntimeConfig before = config();
        RuntimeConfig tiny = before.withPool(before.pool().toBuilder().maximumPoolSize(2).minimumIdle(1)
                .connectionTimeout(20_000).build());
        ConfigDeployment d = apply(tiny, "smaller pool", Duration.ofSeconds(30)).as(ConfigDeployment.class);
        assertThat(d.state()).isEqualTo(ConfigDeployment.State.BAKING);
        assertThat(f.engine.pool().usage().max()).isEqualTo(2);

        try (ExhaustedPool exhausted = ExhaustedPool.of(f.engine.pool())) {
            ConfigDeployment done = settled(d.revision());

            assertThat(done.state()).isEqualTo(ConfigDeployment.State.ROLLED_BACK);
            assertThat(done.failures()).extracting(HealthCheck::name).containsExactly("pool");
            assertThat(done.message()).contains("automatic rollback of revision " + d.revision())
                    .containsPattern("pool exhausted: \\d+ of 2 connections in use");
            assertThat(config().pool()).isEqualTo(before.pool());
            ConfigRevision restored = f.get("/api/v1/config/history", f.viewer).as(ConfigRevision[].class)[0];
            assertThat(restored.appliedBy()).isEqualTo("health-gate");
            assertThat(restored.rollbackOf()).isEqualTo(d.previousRevision());
            assertThat(exhausted.waiterServedWithin(Duration.ofSeconds(20))).as("the restored pool serves the waiter")
                    .isTrue();
        }
    }

    @Test
    void readinessAnswers503WithThePoolWhenItIsExhausted() throws Exception {
        f = ServerFixture.start(Backend.H2, temp);
        try (ExhaustedPool exhausted = ExhaustedPool.of(f.engine.pool())) {
            Reply ready = f.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            EngineHealth health = ready.as(EngineHealth.class);
            assertThat(health.ready()).isFalse();
            assertThat(health.failures()).extracting(HealthCheck::name).containsExactly("pool");
            assertThat(health.checks().get(0).detail()).startsWith("not checked now");
            exhausted.releaseOne();
            assertThat(exhausted.waiterServedWithin(Duration.ofSeconds(20))).isTrue();
        }
        await(() -> f.get("/health/ready", null).status() == 200);
    }

    @Test
    void theRateLimitAndBodyLimitFollowTheRunningConfiguration() throws Exception {
        f = ServerFixture.start(Backend.H2, temp, 0, ServerConfig.defaults().withLimits(1 << 20, 5, 3));
        // At 5 requests a second, an emptied bucket lets about 5 more through in the next second.
        emptyBucket(f.viewer);
        assertThat(acceptedWithin(f.viewer, Duration.ofSeconds(1))).isGreaterThanOrEqualTo(3);

        RuntimeConfig before = config(f.operator);
        ConfigDeployment slower = apply(before.withLimits(30, 1), "throttle", null).as(ConfigDeployment.class);
        assertThat(slower.state()).isEqualTo(ConfigDeployment.State.APPLIED);

        // At 30 a minute, at most one (what was left below a whole request, plus half a request).
        emptyBucket(f.viewer);
        assertThat(acceptedWithin(f.viewer, Duration.ofSeconds(1))).isLessThanOrEqualTo(1);
        Reply limited = f.get("/api/v1/info", f.viewer);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 2L);
        String padded = "{\"population\": 10" + " ".repeat(1_100) + "}";
        Reply tooLarge = f.post("/api/v1/jobs", f.operator, padded);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asText()).contains("(1024 bytes)");

        Reply back = f.post("/api/v1/config/rollback", f.admin, "{\"revision\": " + slower.previousRevision()
                + ", \"reason\": \"too slow\"}");
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(config(f.operator)).isEqualTo(before);
        Thread.sleep(300); // the operator's bucket refills at 5 a second again
        Reply accepted = f.post("/api/v1/jobs", f.operator, padded);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    /** Requests every 100 ms for {@code period}; how many were let through. */
    private int acceptedWithin(String token, Duration period) throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        int accepted = 0;
        while (System.nanoTime() < end) {
            accepted += f.get("/api/v1/info", token).status() == 200 ? 1 : 0;
            Thread.sleep(100);
        }
        return accepted;
    }

    /** Requests until the token is refused. */
    private void emptyBucket(String token) {
        for (int i = 0; i < 20 && f.get("/api/v1/info", token).status() != 429; i++) {
            // keep asking
        }
        assertThat(f.get("/api/v1/info", token).status()).isEqualTo(429);
    }
}
