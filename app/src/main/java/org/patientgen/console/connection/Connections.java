package org.patientgen.console.connection;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.console.task.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections the console knows, which one is active, and each one's health. The local engine
 * is always first and cannot be removed; remote servers are added beside it.
 *
 * <p>Lives on the UI thread: every method must be called there, and every property changes there.
 * {@link #start()} starts the local engine in the background (the window opens at once and shows it
 * as starting) and polls every connection's health every {@link #HEALTH_PERIOD}.
 */
public final class Connections implements AutoCloseable {
    /** How often each connection's health is checked. */
    public static final Duration HEALTH_PERIOD = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private final Connection local;
    private final BackgroundTasks tasks;
    private final Ticker ticker;
    private final Clock clock;
    private final ObservableList<Connection> all = FXCollections.observableArrayList();
    private final ObservableList<Connection> allView = FXCollections.unmodifiableObservableList(all);
    private final ReadOnlyObjectWrapper<Connection> active = new ReadOnlyObjectWrapper<>(this, "active");
    private final Map<Connection, ReadOnlyObjectWrapper<ConnectionHealth>> health = new IdentityHashMap<>();
    private final Set<Connection> checking = new HashSet<>();
    private Cancellable polling = Cancellable.NONE;

    public Connections(Connection local, BackgroundTasks tasks, Ticker ticker, Clock clock) {
        this.local = Objects.requireNonNull(local, "local");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.clock = Objects.requireNonNull(clock, "clock");
        add(local);
        active.set(local);
    }

    /** Starts the local engine in the background and begins polling health. */
    public void start() {
        tasks.task("Starting the local engine", p -> local.service())
                .onSuccess(s -> checkHealth(local))
                .onFailure(e -> healthWrapper(local).set(ConnectionHealth.down(Failures.message(e), clock.instant())))
                .start();
        polling = ticker.every(HEALTH_PERIOD, () -> List.copyOf(all).forEach(this::checkHealth));
    }

    /** Every connection, the local engine first. */
    public ObservableList<Connection> all() {
        return allView;
    }

    /** The local engine's connection. */
    public Connection local() {
        return local;
    }

    /** The connection the screens show. */
    public ReadOnlyObjectProperty<Connection> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public Connection active() {
        return active.get();
    }

    /** Makes {@code connection} the one the screens show. */
    public void activate(Connection connection) {
        if (!all.contains(connection)) {
            throw new IllegalArgumentException("unknown connection " + connection.name());
        }
        active.set(connection);
        checkHealth(connection);
    }

    /** Adds a connection (e.g. a remote server); its health is polled from now on. */
    public void add(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        if (all.stream().anyMatch(c -> c.name().equals(connection.name()))) {
            throw new IllegalArgumentException("a connection named '" + connection.name() + "' exists already;"
                    + " choose another name");
        }
        health.put(connection, new ReadOnlyObjectWrapper<>(this, "health",
                ConnectionHealth.starting("Not checked yet", clock.instant())));
        all.add(connection);
    }

    /** Removes a remote connection and closes it in the background; the local engine stays. */
    public void remove(Connection connection) {
        if (connection == local) {
            throw new IllegalArgumentException("the local engine is always present");
        }
        if (all.remove(connection)) {
            health.remove(connection);
            if (active.get() == connection) {
                active.set(local);
            }
            tasks.task("Disconnecting " + connection.name(), p -> {
                connection.close();
                return null;
            }).quiet().start();
        }
    }

    /** The last known health of {@code connection}. */
    public ReadOnlyObjectProperty<ConnectionHealth> healthProperty(Connection connection) {
        return healthWrapper(connection).getReadOnlyProperty();
    }

    private ReadOnlyObjectWrapper<ConnectionHealth> healthWrapper(Connection connection) {
        ReadOnlyObjectWrapper<ConnectionHealth> wrapper = health.get(connection);
        if (wrapper == null) {
            throw new IllegalArgumentException("unknown connection " + connection.name());
        }
        return wrapper;
    }

    /** Checks a connection's health now (unless a check is already running). */
    public void checkHealth(Connection connection) {
        if (!health.containsKey(connection) || !checking.add(connection)) {
            return;
        }
        tasks.task("Checking " + connection.name(), p -> connection.checkHealth())
                .quiet()
                .onSuccess(h -> {
                    checking.remove(connection);
                    ReadOnlyObjectWrapper<ConnectionHealth> wrapper = health.get(connection);
                    if (wrapper != null) {
                        wrapper.set(h);
                    }
                })
                .onFailure(e -> {
                    checking.remove(connection);
                    LOG.warn("health check of {} failed", connection.name(), e);
                })
                .start();
    }

    /** Stops polling and closes every connection (stopping the local engine); blocks, for exit only. */
    @Override
    public void close() {
        polling.cancel();
        for (Connection c : List.copyOf(all)) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("closing {} failed", c.name(), e);
            }
        }
    }
}
