package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patientgen.engine.client.Clients.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.ConfigDeployment;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.api.RuntimeConfig;
import org.patientgen.engine.testing.TestDatabases.Backend;

/**
 * Health, metrics and runtime configuration through the client against a real server, on H2 and
 * PostgreSQL: the routes {@code GET /health/ready} (EngineHealth), {@code /api/v1/metrics},
 * {@code /metrics/history?window=}, {@code /metrics/trend}, {@code /api/v1/config} and its
 * history, deployments and rollback, and {@code MetricsSnapshot} payloads on the WebSocket.
 * {@link RemoteContractTest} checks the client's side of the same contract now.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class RemoteRuntimeRoutesTest extends RealServerTest {
    @Test
    void healthAndMetrics() throws Exception {
        start(0);
        EngineHealth health = r.viewer.health();
        assertThat(health.ready()).isTrue();
        assertThat(health.checks()).extracting(HealthCheck::name).contains("database", "pool", "workers");
        assertThat(r.viewer.metrics().workerConcurrency()).isZero();
        await(() -> !r.viewer.metricsHistory(Duration.ofSeconds(30)).isEmpty());
        Instant now = Instant.now();
        assertThat(r.viewer.metricTrend("patientgen_jobs", now.minusSeconds(3_600), now)).isNotNull();

        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription ignored = r.viewer.subscribe(Set.of(EventTopic.METRICS), events::add)) {
            await(() -> events.stream().anyMatch(e -> e instanceof MetricsSampled));
        }
    }

    @Test
    void configurationIsAppliedGatedAndRolledBack() throws Exception {
        start(0);
        RuntimeConfig before = r.viewer.config();
        ConfigDeployment one = r.admin.applyConfig(before.withWorkers(1), "one worker", null, false);
        assertThat(one.state()).isEqualTo(ConfigDeployment.State.APPLIED);
        assertThat(r.viewer.config().workers()).isEqualTo(1);
        assertThat(r.viewer.workerConcurrency()).isEqualTo(1);
        assertThat(r.admin.deployment(one.revision()).revision()).isEqualTo(one.revision());

        ConfigDeployment gated = r.admin.applyConfig(before.withWorkers(2), "two, watched", Duration.ofSeconds(1), false);
        assertThat(gated.state()).isEqualTo(ConfigDeployment.State.BAKING);
        await(() -> r.admin.deployment(gated.revision()).settled());
        assertThat(r.admin.deployment(gated.revision()).state()).isEqualTo(ConfigDeployment.State.CONFIRMED);

        ConfigDeployment back = r.admin.rollbackConfig(one.revision(), "back to one", null, false);
        assertThat(r.viewer.config().workers()).isEqualTo(1);
        assertThat(r.viewer.configHistory().get(0).revision()).isEqualTo(back.revision());
        assertThat(r.viewer.configHistory().get(0).rollbackOf()).isEqualTo(one.revision());
        assertThatThrownBy(() -> r.viewer.applyConfig(before, "not mine", null, false)).isInstanceOfSatisfying(
                PatientGenException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }
}
