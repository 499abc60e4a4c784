package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.client.Clients.await;
import static org.patientgen.engine.client.MockServers.TOKEN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.JobTransition;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.wire.EventMessage;
import org.patientgen.engine.wire.WireJson;

/** The event subscription against a scripted WebSocket server: drops, resubscription, close, refusals, metrics. */
class RemoteEventStreamTest extends ScriptedServerTest {
    static final Instant AT = Instant.parse("2026-11-28T12:00:00Z");

    final List<String> commands = new CopyOnWriteArrayList<>();

    @Override
    RemoteServiceBuilder configure(RemoteServiceBuilder builder) {
        return builder.reconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    /** An upgrade that answers the subscribe command with Subscribed, then runs {@code script} (socket, next sequence). */
    private MockResponse upgrade(BiConsumer<WebSocket, Long> script) {
        return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onMessage(WebSocket ws, String text) {
                commands.add(text);
                ws.send(message("Subscribed", null, 1, Map.of("topics", List.of("jobs"))));
                script.accept(ws, 2L);
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                ws.close(1000, null);
            }
        }).build();
    }

    static String message(String type, String topic, long sequence, Object data) {
        return WireJson.write(new EventMessage(type, topic, sequence, AT, WireJson.mapper().valueToTree(data)));
    }

    static String jobEvent(long connectionSequence, long engineSequence, long jobId) {
        return message("JobStateChanged", "jobs", connectionSequence, new JobStateChanged(engineSequence,
                new JobTransition(jobId, JobState.QUEUED, JobState.RUNNING, AT, "node-1", "first shard claimed")));
    }

    private static List<Long> jobIds(List<EngineEvent> events) {
        return events.stream().map(e -> ((JobStateChanged) e).transition().jobId()).toList();
    }

    @Test
    void aDroppedConnectionIsReopenedAndSubscribedAgainWithEventsInOrder() throws Exception {
        server.enqueue(upgrade((ws, seq) -> {
            ws.send(jobEvent(seq, 10, 1));
            ws.send(jobEvent(seq + 1, 11, 2));
            ws.close(1001, "server stopping");
        }));
        server.enqueue(upgrade((ws, seq) -> ws.send(jobEvent(seq, 12, 3))));
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        client.addConnectionListener(s -> states.add(s.state()));
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription ignored = client.subscribe(Set.of(EventTopic.JOBS, EventTopic.PROGRESS), events::add)) {
            await(() -> events.size() == 3);
            assertThat(jobIds(events)).containsExactly(1L, 2L, 3L);
            assertThat(events).extracting(EngineEvent::sequence).containsExactly(10L, 11L, 12L);
            assertThat(commands).hasSize(2).allMatch(c -> c.equals("{\"action\":\"subscribe\",\"topics\":[\"jobs\","
                    + "\"progress\"]}"));
            RecordedRequest first = server.takeRequest();
            assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/events");
            assertThat(first.getUrl().query()).as("the token goes in the header, not the URL").isNull();
            assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
            await(() -> states.get(states.size() - 1) == ConnectionState.CONNECTED);
            assertThat(states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING,
                    ConnectionState.CONNECTED);
        }
    }

    @Test
    void closingTheSubscriptionStopsReconnecting() throws Exception {
        server.enqueue(upgrade((ws, seq) -> ws.close(1011, "boom")));
        server.enqueue(upgrade((ws, seq) -> { }));
        server.enqueue(upgrade((ws, seq) -> { }));
        RemoteService slow = Clients.builder(server.url("/").toString(), TOKEN)
                .reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)).build();
        try {
            CountDownLatch lost = new CountDownLatch(1);
            slow.addConnectionListener(s -> {
                if (s.state() == ConnectionState.RECONNECTING) {
                    lost.countDown();
                }
            });
            Subscription subscription = slow.subscribe(Set.of(EventTopic.JOBS), e -> { });
            assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
            subscription.close();
            assertThat(slow.openSubscriptions()).isZero();
            Thread.sleep(1_500);
            assertThat(server.getRequestCount()).as("no reconnect after close").isEqualTo(1);
        } finally {
            slow.close();
        }
    }

    @Test
    void aRejectedTokenStopsTheStreamInsteadOfRetryingForever() throws Exception {
        server.enqueue(MockServers.problem(org.patientgen.engine.api.ErrorKind.UNAUTHENTICATED, "token revoked"));
        server.enqueue(upgrade((ws, seq) -> { }));
        try (CapturedLogs logs = new CapturedLogs();
             Subscription ignored = client.subscribe(Set.of(EventTopic.JOBS), e -> { })) {
            await(() -> logs.text().contains("refused the event stream with HTTP 401"));
            Thread.sleep(600);
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(logs.text()).doesNotContain(TOKEN);
        }
    }

    @Test
    void metricsSnapshotsArriveAsMetricsSampledNumberedByTheConnection() throws Exception {
        server.enqueue(upgrade((ws, seq) -> ws.send(message("MetricsSnapshot", "metrics", seq,
                RemoteContractTest.snapshot(AT)))));
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription ignored = client.subscribe(Set.of(EventTopic.METRICS), events::add)) {
            await(() -> !events.isEmpty());
        }
        MetricsSampled sampled = (MetricsSampled) events.get(0);
        assertThat(sampled.sequence()).isEqualTo(2);
        assertThat(sampled.snapshot()).isEqualTo(RemoteContractTest.snapshot(AT));
    }

    @Test
    void aSlowListenerLosesEventsBeyondItsBufferWithoutStoppingTheStream() throws Exception {
        RemoteService small = Clients.builder(server.url("/").toString(), TOKEN).eventBuffer(2).build();
        server.enqueue(upgrade((ws, seq) -> {
            for (int i = 0; i < 10; i++) {
                ws.send(jobEvent(seq + i, 100 + i, i));
            }
        }));
        CountDownLatch release = new CountDownLatch(1);
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription ignored = small.subscribe(Set.of(EventTopic.JOBS), e -> {
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            events.add(e);
        })) {
            Thread.sleep(500);
            release.countDown();
            await(() -> events.size() == 3);
            Thread.sleep(200);
            assertThat(events).hasSize(3);
            assertThat(jobIds(events)).containsExactly(0L, 1L, 2L);
            assertThat(small.connectionStatus().state()).isEqualTo(ConnectionState.CONNECTED);
        } finally {
            small.close();
        }
    }
}
