package org.patientgen.engine.client;

/** Whether a {@link RemoteService} currently reaches its server. */
public enum ConnectionState {
    /** Nothing has been exchanged with the server yet. */
    CONNECTING,
    /** The last call or event-stream connection reached the server (whatever it answered). */
    CONNECTED,
    /**
     * The server stopped answering (connection refused, reset, timed out, TLS refused): open event
     * subscriptions reconnect with backoff and the next call tries again. Events sent while
     * disconnected are lost, so on {@link #CONNECTED} again a view re-reads the state it shows.
     */
    RECONNECTING,
    /** The service was closed; nothing reconnects. */
    CLOSED
}
