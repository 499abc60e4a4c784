package org.patientgen.engine.client;

/**
 * Told when a {@link RemoteService}'s {@link ConnectionState} changes, e.g. to show a "server lost,
 * reconnecting" banner. Called on one client thread, in the order the changes happened, never while
 * the client holds a lock; it must return quickly (a UI hands the status to its UI thread).
 */
@FunctionalInterface
public interface ConnectionListener {
    /** The state changed to {@code status}. */
    void changed(ConnectionStatus status);
}
