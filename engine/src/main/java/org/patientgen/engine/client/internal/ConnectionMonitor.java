package org.patientgen.engine.client.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.client.ConnectionListener;
import org.patientgen.engine.client.ConnectionState;
import org.patientgen.engine.client.ConnectionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's connection state, fed by every call and event stream, and told to listeners.
 *
 * <p>Listeners are called through {@code notifier}, which must run tasks one at a time in order (a
 * single thread), so they see changes in the order they happened and never under this object's
 * lock. A new listener is first told the current status.
 */
public final class ConnectionMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

    private final Clock clock;
    private final Executor notifier;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by this. */
    private ConnectionStatus status;

    public ConnectionMonitor(Clock clock, Executor notifier) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.status = new ConnectionStatus(ConnectionState.CONNECTING, "", clock.instant());
    }

    /** The current status. */
    public synchronized ConnectionStatus status() {
        return status;
    }

    /** Adds a listener, told the current status first; closing the handle removes it. */
    public Subscription addListener(ConnectionListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        ConnectionStatus now = status();
        dispatch(() -> tell(listener, now));
        return () -> listeners.remove(listener);
    }

    /** The server answered something. */
    public void reached() {
        change(ConnectionState.CONNECTED, "");
    }

    /** The server could not be reached; {@code detail} says why and what to check. */
    public void lost(String detail) {
        change(ConnectionState.RECONNECTING, detail);
    }

    /** The client was closed; final. */
    public void closed() {
        change(ConnectionState.CLOSED, "");
    }

    private void change(ConnectionState state, String detail) {
        ConnectionStatus next;
        synchronized (this) {
            if (status.state() == ConnectionState.CLOSED || status.state() == state) {
                return;
            }
            next = new ConnectionStatus(state, detail, clock.instant());
            status = next;
        }
        if (state == ConnectionState.RECONNECTING) {
            LOG.warn("server lost: {}", detail);
        } else {
            LOG.info("connection {}", state.name().toLowerCase(java.util.Locale.ROOT));
        }
        dispatch(() -> listeners.forEach(l -> tell(l, next)));
    }

    private void dispatch(Runnable task) {
        try {
            notifier.execute(task);
        } catch (RejectedExecutionException e) {
            // the client is shutting down: listeners are no longer told anything
        }
    }

    private static void tell(ConnectionListener listener, ConnectionStatus status) {
        try {
            listener.changed(status);
        } catch (RuntimeException e) {
            LOG.warn("a connection listener failed on {}: {}", status.state(), e.toString());
        }
    }
}
