package org.patientgen.console.testing;

import java.time.Instant;
import java.util.Optional;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;

/** A connection whose health the test sets; its service is unreachable unless the test gives it one. */
public final class FakeConnection implements Connection {
    private final String name;
    private final ConnectionKind kind;
    public volatile ConnectionHealth health = ConnectionHealth.down("not started", Instant.EPOCH);
    public volatile boolean closed;
    public volatile int serviceCalls;
    /** What {@link #service()} returns; {@code null}: unreachable. */
    public volatile PatientGenService service;
    /** Whoever watches the link (the main window), told by {@link #link(LinkStatus)}. */
    private final java.util.List<java.util.function.Consumer<org.patientgen.console.connection.LinkStatus>> linkWatchers =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeConnection(String name, ConnectionKind kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String user() {
        return "tester";
    }

    @Override
    public ConnectionKind kind() {
        return kind;
    }

    @Override
    public PatientGenService service() {
        serviceCalls++;
        PatientGenService given = service;
        if (given != null) {
            return given;
        }
        throw new PatientGenException(ErrorKind.UNAVAILABLE, name + " is not reachable: connection refused");
    }

    @Override
    public ConnectionHealth checkHealth() {
        return health;
    }

    @Override
    public Optional<String> defaultOutputRoot() {
        return Optional.empty();
    }

    @Override
    public org.patientgen.console.task.Cancellable watchLink(
            java.util.function.Consumer<org.patientgen.console.connection.LinkStatus> listener) {
        linkWatchers.add(listener);
        listener.accept(org.patientgen.console.connection.LinkStatus.CONNECTED);
        return () -> linkWatchers.remove(listener);
    }

    /** Tells the watchers the link is now {@code status}, as a client thread would. */
    public void link(org.patientgen.console.connection.LinkStatus status) {
        linkWatchers.forEach(w -> w.accept(status));
    }

    /** How many watch the link now. */
    public int linkWatchers() {
        return linkWatchers.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
