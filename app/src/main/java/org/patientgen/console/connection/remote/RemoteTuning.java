package org.patientgen.console.connection.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How the console's remote clients time out and reconnect.
 *
 * @param connectTimeout   connecting (and the TLS handshake)
 * @param readTimeout      waiting for an answer
 * @param reconnectInitial first wait before the event stream reconnects
 * @param reconnectMax     longest wait between reconnects
 */
public record RemoteTuning(Duration connectTimeout, Duration readTimeout, Duration reconnectInitial,
                           Duration reconnectMax) {
    public RemoteTuning {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(reconnectInitial, "reconnectInitial");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
    }

    /**
     * For people: 5 s to connect (a health badge should not stay grey for the client's default 10 s),
     * the client's read timeout, and reconnects up to every 10 s so a server that comes back is seen
     * again within seconds.
     */
    public static RemoteTuning defaults() {
        return new RemoteTuning(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(500),
                Duration.ofSeconds(10));
    }

    /** Short timeouts and backoffs for tests. */
    public static RemoteTuning quick() {
        return new RemoteTuning(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofMillis(50),
                Duration.ofMillis(400));
    }
}
