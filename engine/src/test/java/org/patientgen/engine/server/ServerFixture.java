package org.patientgen.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.server.auth.TokenStore;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import org.patientgen.engine.testing.TestDatabases;
import org.patientgen.engine.testing.TestDatabases.Backend;
import org.patientgen.engine.wire.EventMessage;
import org.patientgen.engine.wire.Role;
import org.patientgen.engine.wire.WireJson;

/**
 * A real server on a random loopback port over a fresh database, with one token per role, and an
 * HTTP client to call it.
 */
public final class ServerFixture implements AutoCloseable {
    public static final MediaType JSON = MediaType.get("application/json");

    public final Path dataDir;
    public final Engine engine;
    public final PatientGenServer server;
    public final OkHttpClient http;
    public final String admin;
    public final String operator;
    public final String viewer;

    private ServerFixture(Path dataDir, Engine engine, PatientGenServer server, OkHttpClient http, String admin,
                          String operator, String viewer) {
        this.dataDir = dataDir;
        this.engine = engine;
        this.server = server;
        this.http = http;
        this.admin = admin;
        this.operator = operator;
        this.viewer = viewer;
    }

    /** A server with test-friendly timings; {@code workers} shard workers. */
    public static ServerFixture start(Backend backend, Path temp, int workers, ServerConfig config) throws Exception {
        return start(backend, temp, workers, config, PoolSettings.defaults());
    }

    /** As above, with the pool settings a new database starts with. */
    public static ServerFixture start(Backend backend, Path temp, int workers, ServerConfig config,
                                      PoolSettings initialPool) throws Exception {
        Path dataDir = temp.resolve("data");
        EngineConfig engineConfig = EngineConfig.defaults(dataDir).withInitialPool(initialPool)
                .withDatabase(TestDatabases.fresh(backend))
                .withNode("test-node", "eu-test")
                .withWorkers(workers, new ShardWorkers.Settings(Duration.ofSeconds(30), Duration.ofMillis(200),
                        Duration.ofMillis(20), Duration.ofSeconds(10)))
                .withTiming(Duration.ofMillis(200), Duration.ofMillis(50));
        Engine engine = Engine.start(engineConfig);
        try {
            TokenStore tokens = new TokenStore(engine.pool().dataSource(), engineConfig.clock());
            String admin = tokens.create("root", Role.ADMIN, "test").token();
            String operator = tokens.create("olivia", Role.OPERATOR, "test").token();
            String viewer = tokens.create("victor", Role.VIEWER, "test").token();
            PatientGenServer server = PatientGenServer.start(engine, config.withListen("127.0.0.1", 0));
            OkHttpClient http = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS)
                    .retryOnConnectionFailure(false).build();
            return new ServerFixture(dataDir, engine, server, http, admin, operator, viewer);
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
    }

    /** The default test server: H2 or PostgreSQL, no workers. */
    public static ServerFixture start(Backend backend, Path temp) throws Exception {
        return start(backend, temp, 0, ServerConfig.defaults());
    }

    public String url(String path) {
        return server.uri() + path;
    }

    /** A call and its answer (status, headers, body as text). */
    public Reply call(String method, String path, String token, String body) {
        Request.Builder b = new Request.Builder().url(url(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        RequestBody requestBody = body == null ? (method.equals("GET") || method.equals("DELETE") ? null
                : RequestBody.create(new byte[0], null)) : RequestBody.create(body, JSON);
        b.method(method, requestBody);
        try (Response r = http.newCall(b.build()).execute()) {
            return new Reply(r.code(), r.headers().toMultimap(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    public Reply get(String path, String token) {
        return call("GET", path, token, null);
    }

    public Reply post(String path, String token, String body) {
        return call("POST", path, token, body);
    }

    /**
     * Opens the WebSocket {@code /api/v1/events} with {@code token} and subscribes to {@code topics};
     * returns once the subscription is confirmed.
     */
    public EventFeed events(String token, String... topics) throws InterruptedException {
        List<EventMessage> messages = Collections.synchronizedList(new ArrayList<>());
        WebSocket socket = http.newWebSocket(new Request.Builder().url("ws://127.0.0.1:" + server.port()
                + "/api/v1/events").header("Authorization", "Bearer " + token).build(), new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket webSocket, String text) {
                        try {
                            messages.add(WireJson.mapper().readValue(text, EventMessage.class));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
        socket.send(WireJson.write(new EventMessage.Command("subscribe", List.of(topics))));
        await(() -> messages.stream().anyMatch(m -> m.type().equals("Subscribed")));
        return new EventFeed(socket, messages);
    }

    /** An open event connection and what it received so far (synchronized list). */
    public record EventFeed(WebSocket socket, List<EventMessage> messages) implements AutoCloseable {
        /** A copy of the messages received so far. */
        public List<EventMessage> received() {
            synchronized (messages) {
                return List.copyOf(messages);
            }
        }

        @Override
        public void close() {
            socket.close(1000, "done");
        }
    }

    /** Waits up to 60 s for {@code condition}. */
    public static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** An HTTP answer. */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return WireJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return WireJson.mapper().readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read as " + type.getSimpleName() + ": " + body, e);
            }
        }

        public String header(String name) {
            for (Map.Entry<String, java.util.List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue().get(0);
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
