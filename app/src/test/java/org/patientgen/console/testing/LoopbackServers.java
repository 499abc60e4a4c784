package org.patientgen.console.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.server.PatientGenServer;
import org.patientgen.engine.server.ServerConfig;
import org.patientgen.engine.server.auth.TokenStore;
import org.patientgen.engine.server.tls.SelfSignedCertificate;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import org.patientgen.engine.wire.Role;

/**
 * A real PatientGen server on a random loopback port over H2 in a temporary directory, with an
 * operator token: what the remote-connection tests talk to. Built from the engine's public classes
 * (the engine's test fixtures are not published to the console's tests).
 */
public final class LoopbackServers implements AutoCloseable {
    public final Engine engine;
    private final ServerConfig config;
    public volatile PatientGenServer server;
    private volatile int port;
    /** The operator token ("olivia"). */
    public final String token;
    /** The certificate's SHA-256 fingerprint for a self-signed server, else {@code null}. */
    public final String fingerprint;

    private LoopbackServers(Engine engine, ServerConfig config, PatientGenServer server, String token,
                            String fingerprint) {
        this.engine = engine;
        this.config = config;
        this.server = server;
        this.token = token;
        this.fingerprint = fingerprint;
    }

    /** Plain HTTP; {@code workers} shard workers (0: jobs stay queued). */
    public static LoopbackServers http(Path dir, int workers) throws Exception {
        return start(dir, workers, false);
    }

    /** HTTPS with a self-signed certificate, as {@code patientgen serve --self-signed}. */
    public static LoopbackServers selfSigned(Path dir) throws Exception {
        return start(dir, 0, true);
    }

    private static LoopbackServers start(Path dir, int workers, boolean tls) throws Exception {
        Path data = dir.resolve("server-data");
        ServerConfig config = ServerConfig.defaults().withLimits(ServerConfig.DEFAULT_MAX_BODY, 10_000, 10_000)
                .withListen("127.0.0.1", 0);
        String fingerprint = null;
        if (tls) {
            ServerConfig.TlsSettings settings = SelfSignedCertificate.ensure(data, "127.0.0.1", Clock.systemUTC());
            fingerprint = SelfSignedCertificate.fingerprint(settings);
            config = config.withTls(settings);
        }
        Engine engine = Engine.start(EngineConfig.defaults(data).withNode("loopback", "eu-test")
                .withWorkers(workers, new ShardWorkers.Settings(Duration.ofSeconds(30), Duration.ofMillis(200),
                        Duration.ofMillis(20), Duration.ofSeconds(5)))
                .withTiming(Duration.ofMillis(200), Duration.ofMillis(50)));
        try {
            String token = new TokenStore(engine.pool().dataSource(), engine.config().clock())
                    .create("olivia", Role.OPERATOR, "test").token();
            return new LoopbackServers(engine, config, PatientGenServer.start(engine, config), token, fingerprint);
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return server.uri().toString();
    }

    /** Stops the server (the engine keeps running), e.g. to see the console lose it. */
    public void stopServer() {
        port = server.port();
        server.close();
    }

    /** Starts the server again on the same port, after {@link #stopServer()}. */
    public void restartServer() {
        server = PatientGenServer.start(engine, config.withListen("127.0.0.1", port));
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}
