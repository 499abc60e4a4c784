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
    public void close() {
        closed = true;
    }
}
