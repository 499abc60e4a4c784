package org.patientgen.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.server.ServerFixture.await;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.MetricSample;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.server.ServerFixture.Reply;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.EventMessage;
import org.patientgen.engine.wire.Responses;

/** Metrics over HTTP come from the engine's one registry and sampler; the server adds only its HTTP meters. */
class ServerMetricsTest extends LoopbackServerTest {

    @Test
    void snapshotsHistoryTrendsAndHttpFiguresAreTheEngines() throws Exception {
        f = ServerFixture.start(Backend.H2, temp);
        MetricsSnapshot now = f.get("/api/v1/metrics", f.viewer).as(MetricsSnapshot.class);
        assertThat(now.poolMax()).isEqualTo(f.engine.pool().usage().max());
        await(() -> f.get("/api/v1/metrics/history", f.viewer).as(MetricsSnapshot[].class).length >= 2);
        MetricsSnapshot[] history = f.get("/api/v1/metrics/history?window=PT1M", f.viewer).as(MetricsSnapshot[].class);
        assertThat(history[0].at()).isBefore(history[history.length - 1].at());
        assertThat(f.get("/api/v1/metrics/history?window=5m", f.viewer).json().get("detail").asText())
                .contains("ISO-8601 duration");

        assertThat(f.get("/api/v1/metrics/trend?name=patientgen_jobs&from=2026-01-01T00:00:00Z"
                + "&to=2099-01-01T00:00:00Z", f.viewer).as(MetricSample[].class)).allMatch(s -> s.name()
                .equals("patientgen_jobs"));
        assertThat(f.get("/api/v1/metrics/trend?name=patientgen_jobs", f.viewer).status()).isEqualTo(200);
        Reply noName = f.get("/api/v1/metrics/trend", f.viewer);
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asText()).contains("'name' is required");
        assertThat(f.get("/api/v1/metrics/trend?name=x&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", f.viewer)
                .status()).isEqualTo(400);

        for (int i = 0; i < 20; i++) {
            assertThat(f.get("/api/v1/info", f.viewer).status()).isEqualTo(200);
        }
        Responses.HttpMetrics http = f.get("/api/v1/metrics/http", f.viewer).as(Responses.HttpMetrics.class);
        assertThat(http.requestsTotal()).isGreaterThanOrEqualTo(20);
        assertThat(http.requestsPerSecond()).isPositive();
        assertThat(http.latencyP95Millis()).isPositive().isGreaterThanOrEqualTo(http.latencyP50Millis());
        assertThat(http.serverErrorsTotal()).isZero();
        assertThat(f.get("/metrics", f.viewer).body()).contains("patientgen_http_latency_seconds",
                "patientgen_events_sessions", "patientgen_jobs{");
        assertThat(f.engine.metrics().scrape()).as("one registry: the engine's")
                .contains("patientgen_http_requests_seconds_count");
    }

    @Test
    void theMetricsTopicStreamsTheEnginesSnapshots() throws Exception {
        f = ServerFixture.start(Backend.H2, temp);
        try (ServerFixture.EventFeed feed = f.events(f.viewer, "metrics")) {
            await(() -> feed.received().stream().filter(m -> m.type().equals(EventMessage.METRICS_SNAPSHOT)).count() >= 2);
            EventMessage message = feed.received().stream().filter(m -> m.type().equals(EventMessage.METRICS_SNAPSHOT))
                    .findFirst().orElseThrow();
            assertThat(message.topic()).isEqualTo("metrics");
            Optional<EngineEvent> event = message.event();
            assertThat(event).get().isInstanceOf(MetricsSampled.class);
            MetricsSnapshot snapshot = ((MetricsSampled) event.get()).snapshot();
            assertThat(snapshot.at()).isEqualTo(message.at());
            assertThat(snapshot.poolMax()).isEqualTo(f.engine.pool().usage().max());
            assertThat(f.engine.metrics().history(java.time.Duration.ofMinutes(5))).contains(snapshot);
        }
    }
}
