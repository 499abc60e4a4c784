package org.patientgen.engine.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@link RemoteService}'s connection state, what caused it and since when.
 *
 * @param state  the state
 * @param detail for {@link ConnectionState#RECONNECTING}, why the server was lost and what to
 *               check, e.g. "cannot reach … (connection refused): check that it is running"; empty
 *               otherwise; never a secret
 * @param since  when the state was entered
 */
public record ConnectionStatus(ConnectionState state, String detail, Instant since) {
    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(since, "since");
    }
}
