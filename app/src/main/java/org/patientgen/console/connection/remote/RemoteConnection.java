package org.patientgen.console.connection.remote;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.LinkStatus;
import org.patientgen.console.settings.ServerEntry;
import org.patientgen.console.task.Cancellable;
import org.patientgen.engine.api.EngineHealth;
import org.patientgen.engine.api.EngineInfo;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.client.ConnectionState;
import org.patientgen.engine.client.RemoteService;
import org.patientgen.engine.client.RemoteServiceBuilder;
import org.patientgen.engine.api.PatientGenService.Subscription;

/**
 * A PatientGen server reached over HTTP through the engine's {@link RemoteService}: the second
 * implementation of {@link Connection}, so every screen works against it unchanged.
 *
 * <p>The client is built on first use (building it does no I/O, but it starts the client's threads,
 * which a saved server nobody looks at does not need). Health is {@code GET /health/ready}: a
 * server that answers but is not ready is down with the failed checks as reasons. The user is the
 * token's name, known after the first successful {@link #checkHealth()} (until then the entry's
 * name stands in; the server records the token's name as the owner of jobs in any case).
 *
 * <p>Thread-safe: the client is published through a volatile field after it is built under
 * {@link #lock}.
 */
public final class RemoteConnection implements Connection {
    private final ServerEntry entry;
    private final String token;
    private final RemoteTuning tuning;
    private final Clock clock;
    private final Object lock = new Object();
    /** Built under {@link #lock}, read without it. */
    private volatile RemoteService client;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    private volatile EngineInfo engine;
    private volatile String caller;

    public RemoteConnection(ServerEntry entry, String token, RemoteTuning tuning, Clock clock) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.token = Objects.requireNonNull(token, "token");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the console remembers about this server. */
    public ServerEntry entry() {
        return entry;
    }

    @Override
    public String name() {
        return entry.name();
    }

    @Override
    public String region() {
        return entry.region();
    }

    @Override
    public String user() {
        String known = caller;
        return known == null ? entry.name() : known;
    }

    @Override
    public ConnectionKind kind() {
        return ConnectionKind.REMOTE;
    }

    @Override
    public PatientGenService service() {
        return client();
    }

    private RemoteService client() {
        RemoteService built = client;
        if (built != null) {
            return built;
        }
        synchronized (lock) {
            if (closed) {
                throw new PatientGenException(ErrorKind.UNAVAILABLE, "the connection to " + entry.name()
                        + " was closed");
            }
            if (client == null) {
                client = builder(entry.url(), token, entry.pinnedFingerprint(), tuning).build();
            }
            return client;
        }
    }

    /** A client builder for a console: its timeouts, and the pin when there is one. */
    static RemoteServiceBuilder builder(String url, String token, String pinnedFingerprint, RemoteTuning tuning) {
        RemoteServiceBuilder b = RemoteService.builder(url).token(token)
                .connectTimeout(tuning.connectTimeout())
                .readTimeout(tuning.readTimeout())
                .reconnectBackoff(tuning.reconnectInitial(), tuning.reconnectMax());
        if (pinnedFingerprint != null && !pinnedFingerprint.isBlank()) {
            b.pinnedCertificate(pinnedFingerprint);
        }
        return b;
    }

    @Override
    public ConnectionHealth checkHealth() {
        long start = System.nanoTime();
        try {
            RemoteService remote = client();
            EngineHealth health = remote.health();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (!health.ready()) {
                return ConnectionHealth.down("Not ready:\n" + describe(health), clock.instant());
            }
            EngineInfo info = engine;
            if (info == null) {
                info = remote.testConnection().engine();
                engine = info;
            }
            if (caller == null) {
                caller = remote.testConnection().caller();
            }
            ConnectionHealth up = ConnectionHealth.up(info, latency, clock.instant());
            return new ConnectionHealth(up.status(), up.summary(), entry.url() + "\n" + up.detail()
                    + (health.checks().isEmpty() ? "" : "\n" + describe(health)), info, latency, up.checkedAt());
        } catch (RuntimeException e) {
            return ConnectionHealth.down(e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
        }
    }

    private static String describe(EngineHealth health) {
        return health.checks().stream()
                .map(c -> (c.ok() ? "✓ " : "✗ ") + c.name() + (c.detail().isEmpty() ? "" : ": " + c.detail()))
                .collect(Collectors.joining("\n"));
    }


    @Override
    public Cancellable watchLink(Consumer<LinkStatus> listener) {
        Subscription handle = client().addConnectionListener(status -> listener.accept(
                status.state() == ConnectionState.RECONNECTING ? LinkStatus.lost(status.detail())
                        : LinkStatus.CONNECTED));
        return handle::close;
    }

    @Override
    public Optional<String> defaultOutputRoot() {
        return Optional.empty();
    }

    @Override
    public boolean sharesFileSystem() {
        return false;
    }

    @Override
    public void close() {
        RemoteService open;
        synchronized (lock) {
            closed = true;
            open = client;
            client = null;
        }
        if (open != null) {
            open.close();
        }
    }

    @Override
    public String toString() {
        return "RemoteConnection[" + entry.name() + " " + entry.url() + "]";
    }
}
