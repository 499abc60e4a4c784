package org.patientgen.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.client.Clients.await;
import static org.patientgen.engine.client.Clients.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.server.PatientGenServer;
import org.patientgen.engine.server.auth.TokenStore;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import org.patientgen.engine.testing.TestDatabases;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.Role;

/**
 * A subscription survives its server restarting on the same port: the client notices, reconnects
 * with backoff, subscribes again and delivers the new server's events after the old ones; the first
 * submit after the restart (never retried) gets a fresh connection; closing the subscription then
 * stops delivery. H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class RemoteReconnectTest {
    @Parameter
    Backend backend;

    @TempDir
    Path temp;

    Engine engine;
    PatientGenServer server;
    RemoteService operator;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {operator, server, engine}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    @Test
    void aSubscriptionReconnectsWhenItsServerRestartsOnTheSamePort() throws Exception {
        engine = Engine.start(EngineConfig.defaults(temp.resolve("data")).withDatabase(TestDatabases.fresh(backend))
                .withNode("test-node", "eu-test").withWorkers(0, ShardWorkers.Settings.defaults())
                .withTiming(Duration.ofMillis(200), Duration.ofMillis(50)));
        TokenStore tokens = new TokenStore(engine.pool().dataSource(), engine.config().clock());
        String operatorToken = tokens.create("olivia", Role.OPERATOR, "test").token();
        server = PatientGenServer.start(engine, Clients.server().withListen("127.0.0.1", 0));
        int port = server.port();
        String url = server.uri().toString();
        // One client for events and calls, as the console keeps one per server.
        operator = Clients.builder(url, operatorToken).build();

        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        operator.addConnectionListener(s -> states.add(s.state()));
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        RemoteSubscription subscription = operator.subscribe(Set.of(EventTopic.JOBS), events::add);
        await(subscription::subscribed);
        Job before = operator.submit(job(temp.resolve("before"), 1, 1, Map.of()));
        await(() -> jobIds(events).contains(before.id()));

        server.close();
        await(() -> operator.connectionStatus().state() == ConnectionState.RECONNECTING);
        assertThat(subscription.subscribed()).isFalse();
        assertThat(operator.connectionStatus().detail()).contains("127.0.0.1:" + port);
        Thread.sleep(500);
        server = PatientGenServer.start(engine, Clients.server().withListen("127.0.0.1", port));
        await(subscription::subscribed);
        assertThat(operator.connectionStatus().state()).isEqualTo(ConnectionState.CONNECTED);

        Job after = operator.submit(job(temp.resolve("after"), 1, 1, Map.of()));
        await(() -> jobIds(events).contains(after.id()));
        assertThat(jobIds(events)).containsSubsequence(before.id(), after.id());
        assertThat(events).extracting(EngineEvent::sequence).as("the engine's order across the restart").isSorted();
        assertThat(states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING,
                ConnectionState.CONNECTED);

        subscription.close();
        assertThat(subscription.subscribed()).isFalse();
        assertThat(operator.openSubscriptions()).isZero();
        int seen = events.size();
        operator.submit(job(temp.resolve("closed"), 1, 1, Map.of()));
        Thread.sleep(800);
        assertThat(events).as("nothing is delivered after close").hasSize(seen);
    }

    private static List<Long> jobIds(List<EngineEvent> events) {
        return events.stream().filter(e -> e instanceof JobStateChanged).map(e -> ((JobStateChanged) e).transition()
                .jobId()).distinct().toList();
    }
}
