package org.patientgen.engine.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.patientgen.engine.api.RuntimeConfig;

/**
 * How the HTTP server runs; validated on construction. The engine it serves is configured
 * separately ({@link org.patientgen.engine.service.EngineConfig}).
 *
 * @param bindAddress        interface to listen on; {@code 127.0.0.1} (this machine only) by default
 * @param port               TCP port, 0 for any free one
 * @param tls                HTTPS settings, or {@code null} for plain HTTP
 * @param maxBodyBytes       largest request body accepted at start (larger: 413), rounded up to whole
 *                           KiB as the running configuration's {@code maxRequestBodyKiB}
 * @param rateLimitPerSecond requests per second per token at start, sustained, rounded to whole
 *                           requests per minute as the running configuration's
 *                           {@code requestsPerMinutePerToken}
 * @param rateLimitBurst     requests a token may send at once before the rate applies
 * @param defaultShardSize   patients per shard when a job request gives none
 * @param outputRoots        directories job output must lie under besides the data directory; empty
 *                           allows any absolute path
 * @param heartbeat          WebSocket ping interval
 * @param eventBuffer        messages a WebSocket client may fall behind before it is disconnected
 */
public record ServerConfig(String bindAddress, int port, TlsSettings tls, long maxBodyBytes, double rateLimitPerSecond,
                           int rateLimitBurst, int defaultShardSize, List<Path> outputRoots, Duration heartbeat,
                           int eventBuffer) {
    /** Default port. */
    public static final int DEFAULT_PORT = 8080;
    /** Default body limit: 1 MiB, far above any legitimate request (a 1,000-job batch is ~300 KB). */
    public static final long DEFAULT_MAX_BODY = 1L << 20;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(heartbeat, "heartbeat");
        outputRoots = outputRoots == null ? List.of() : outputRoots.stream().map(p -> p.toAbsolutePath().normalize())
                .toList();
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind address must not be empty; use 127.0.0.1 (this machine only) or"
                    + " 0.0.0.0 (every interface)");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 (any free port) and 65535, was " + port);
        }
        if (maxBodyBytes < 1_024 || maxBodyBytes > 64L << 20) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1024 and 67108864 (64 MiB), was "
                    + maxBodyBytes);
        }
        if (!(Math.round(rateLimitPerSecond * 60) >= 1) || Math.round(rateLimitPerSecond * 60)
                > RuntimeConfig.MAX_REQUESTS_PER_MINUTE || rateLimitBurst < 1) {
            throw new IllegalArgumentException("rate limit must be between 1 request a minute (0.017/s) and "
                    + RuntimeConfig.MAX_REQUESTS_PER_MINUTE + " a minute, with a burst of at least 1, was "
                    + rateLimitPerSecond + "/s, burst " + rateLimitBurst);
        }
        if (defaultShardSize < 1 || defaultShardSize > 1_000_000) {
            throw new IllegalArgumentException("defaultShardSize must be between 1 and 1000000, was " + defaultShardSize);
        }
        if (heartbeat.toMillis() < 100) {
            throw new IllegalArgumentException("heartbeat must be at least 100 ms, was " + heartbeat.toMillis() + " ms");
        }
        if (eventBuffer < 16) {
            throw new IllegalArgumentException("eventBuffer must be at least 16");
        }
    }

    /** The rate limit as the running configuration holds it: whole requests per minute. */
    public int requestsPerMinute() {
        return (int) Math.round(rateLimitPerSecond * 60);
    }

    /** The body limit as the running configuration holds it: KiB, rounded up. */
    public int maxBodyKiB() {
        return (int) ((maxBodyBytes + 1_023) / 1_024);
    }

    /** Plain HTTP on 127.0.0.1:8080 with the documented limits. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, null, DEFAULT_MAX_BODY, 50, 100, 10_000, List.of(),
                Duration.ofSeconds(15), 256);
    }

    public ServerConfig withListen(String address, int newPort) {
        return new ServerConfig(address, newPort, tls, maxBodyBytes, rateLimitPerSecond, rateLimitBurst,
                defaultShardSize, outputRoots, heartbeat, eventBuffer);
    }

    public ServerConfig withTls(TlsSettings settings) {
        return new ServerConfig(bindAddress, port, settings, maxBodyBytes, rateLimitPerSecond, rateLimitBurst,
                defaultShardSize, outputRoots, heartbeat, eventBuffer);
    }

    public ServerConfig withLimits(long bodyBytes, double perSecond, int burst) {
        return new ServerConfig(bindAddress, port, tls, bodyBytes, perSecond, burst, defaultShardSize, outputRoots,
                heartbeat, eventBuffer);
    }

    public ServerConfig withJobs(int shardSize, List<Path> roots) {
        return new ServerConfig(bindAddress, port, tls, maxBodyBytes, rateLimitPerSecond, rateLimitBurst, shardSize,
                roots, heartbeat, eventBuffer);
    }

    public ServerConfig withEvents(Duration ping, int buffer) {
        return new ServerConfig(bindAddress, port, tls, maxBodyBytes, rateLimitPerSecond, rateLimitBurst,
                defaultShardSize, outputRoots, ping, buffer);
    }

    /**
     * HTTPS from a PKCS#12 keystore.
     *
     * @param keystore the keystore file (its first key entry is used)
     * @param password its password; never logged ({@link #toString()} hides it)
     */
    public record TlsSettings(Path keystore, String password) {
        public TlsSettings {
            Objects.requireNonNull(keystore, "keystore");
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "TlsSettings[" + keystore + ", password=***]";
        }
    }
}
