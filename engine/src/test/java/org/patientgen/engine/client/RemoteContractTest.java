package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.client.MockServers.TOKEN;
import static org.patientgen.engine.client.MockServers.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.ConfigRevision;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricSample;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.wire.WireJson;

/**
 * The health, metrics and configuration routes as the client calls them (method, path, query, body)
 * and reads their answers, against a scripted server: the contract the routes landing with the
 * integrate branch implement. {@code RemoteRuntimeRoutesTest} runs the same calls against the real
 * server once they are there.
 */
class RemoteContractTest extends ScriptedServerTest {
    static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");
    static final RuntimeConfig CONFIG = new RuntimeConfig(PoolSettings.defaults(), 2, 6_000, 1_024);

    static MetricsSnapshot snapshot(Instant at) {
        Map<JobState, Long> jobs = new EnumMap<>(JobState.class);
        jobs.put(JobState.QUEUED, 3L);
        return new MetricsSnapshot(at, 120, 12.5, jobs, 4, 1.5, 1, 10, 9, 0, 1, 2, 1, 1, 9, 0, 10, 0.4, 0, 50_000_000,
                256_000_000, 0.25, 2);
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest();
    }

    private static JsonNode body(RecordedRequest r) throws Exception {
        return WireJson.mapper().readTree(r.getBody().utf8());
    }

    @Test
    void healthReadsTheReadinessAnswer() throws Exception {
        EngineHealth up = new EngineHealth(true, List.of(new HealthCheck("database", true, "reachable (3 ms)")), AT);
        server.enqueue(json(up));
        assertThat(client.health()).isEqualTo(up);
        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/health/ready");
    }

    @Test
    void metricsNowOverAWindowAndAsATrend() throws Exception {
        server.enqueue(json(snapshot(AT)));
        assertThat(client.metrics()).isEqualTo(snapshot(AT));
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1/metrics");

        server.enqueue(json(List.of(snapshot(AT), snapshot(AT.plusSeconds(1)))));
        assertThat(client.metricsHistory(Duration.ofMinutes(5))).hasSize(2);
        RecordedRequest history = taken();
        assertThat(history.getUrl().encodedPath()).isEqualTo("/api/v1/metrics/history");
        assertThat(history.getUrl().queryParameter("window")).isEqualTo("PT5M");

        MetricSample sample = new MetricSample("patientgen_jobs", Map.of("node", "n1", "state", "QUEUED"), AT, 3);
        server.enqueue(json(List.of(sample)));
        assertThat(client.metricTrend("patientgen_jobs", AT.minusSeconds(3_600), AT)).containsExactly(sample);
        RecordedRequest trend = taken();
        assertThat(trend.getUrl().encodedPath()).isEqualTo("/api/v1/metrics/trend");
        assertThat(trend.getUrl().queryParameter("name")).isEqualTo("patientgen_jobs");
        assertThat(trend.getUrl().queryParameter("from")).isEqualTo("2026-11-28T11:00:00Z");
        assertThat(trend.getUrl().queryParameter("to")).isEqualTo("2026-11-28T12:00:00Z");
    }

    @Test
    void configurationIsReadAppliedWithAHealthGateAndRolledBack() throws Exception {
        server.enqueue(json(CONFIG));
        assertThat(client.config()).isEqualTo(CONFIG);
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1/config");

        ConfigRevision revision = new ConfigRevision(1, AT, "root", "initial", CONFIG, 0);
        server.enqueue(json(List.of(revision)));
        assertThat(client.configHistory()).containsExactly(revision);
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1/config/history");

        ConfigDeployment baking = new ConfigDeployment(2, 1, ConfigDeployment.State.BAKING, AT, AT.plusSeconds(120),
                null, "watching readiness until 12:02");
        server.enqueue(json(baking));
        assertThat(client.applyConfig(CONFIG.withWorkers(4), "more workers", Duration.ofMinutes(2), false))
                .isEqualTo(baking);
        RecordedRequest apply = taken();
        assertThat(apply.getMethod()).isEqualTo("POST");
        assertThat(apply.getUrl().encodedPath()).isEqualTo("/api/v1/config");
        JsonNode body = body(apply);
        assertThat(body.get("config").get("workers").asInt()).isEqualTo(4);
        assertThat(body.get("reason").asText()).isEqualTo("more workers");
        assertThat(body.get("bakeTime").asText()).isEqualTo("PT2M");
        assertThat(body.get("restartPool").asBoolean()).isFalse();
        assertThat(WireJson.mapper().treeToValue(body.get("config"), RuntimeConfig.class)).isEqualTo(CONFIG.withWorkers(4));

        server.enqueue(json(baking));
        client.applyConfig(CONFIG, "no gate", null, true);
        JsonNode ungated = body(taken());
        assertThat(ungated.has("bakeTime")).isTrue();
        assertThat(ungated.get("bakeTime").isNull()).isTrue();
        assertThat(ungated.get("restartPool").asBoolean()).isTrue();

        server.enqueue(json(baking));
        assertThat(client.deployment(2)).isEqualTo(baking);
        assertThat(taken().getUrl().encodedPath()).isEqualTo("/api/v1/config/deployments/2");

        ConfigDeployment applied = new ConfigDeployment(3, 2, ConfigDeployment.State.APPLIED, AT, null, null, "applied");
        server.enqueue(json(applied));
        assertThat(client.rollbackConfig(1, "back", null, false)).isEqualTo(applied);
        RecordedRequest rollback = taken();
        assertThat(rollback.getUrl().encodedPath()).isEqualTo("/api/v1/config/rollback");
        assertThat(WireJson.mapper().readTree(rollback.getBody().utf8()).toString())
                .isEqualTo("{\"revision\":1,\"reason\":\"back\",\"bakeTime\":null,\"restartPool\":false}");
    }
}
