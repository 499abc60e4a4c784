package org.patientgen.console.connection;

import java.util.Objects;

/**
 * Whether a connection currently reaches its engine, as its client sees it between health checks:
 * a remote client notices a lost server on its event stream within a second or so.
 *
 * @param lost   the engine stopped answering; the client is reconnecting
 * @param detail why, and what to check; empty when connected
 */
public record LinkStatus(boolean lost, String detail) {
    /** Reaching the engine. */
    public static final LinkStatus CONNECTED = new LinkStatus(false, "");

    public LinkStatus {
        detail = detail == null ? "" : detail;
    }

    /** Lost, for {@code detail}. */
    public static LinkStatus lost(String detail) {
        return new LinkStatus(true, Objects.requireNonNullElse(detail, ""));
    }
}
