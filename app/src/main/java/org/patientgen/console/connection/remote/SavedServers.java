package org.patientgen.console.connection.remote;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.Connections;
import org.patientgen.console.settings.ServerEntry;
import org.patientgen.console.settings.ServerStore;
import org.patientgen.console.settings.TokenVault;
import org.patientgen.console.task.BackgroundTasks;

/**
 * The remote servers the console remembers: each one a {@link RemoteConnection} in
 * {@link Connections}, its entry in the {@link ServerStore} and its token in the
 * {@link TokenVault}. Adding, changing and removing a server writes both stores in the background
 * and then updates the connections.
 *
 * <p>UI thread only, like {@link Connections}; the stores are touched on the background pool only.
 */
public final class SavedServers {
    private final ServerStore store;
    private final TokenVault tokens;
    private final Connections connections;
    private final BackgroundTasks tasks;
    private final RemoteTuning tuning;
    private final Clock clock;

    public SavedServers(ServerStore store, TokenVault tokens, Connections connections, BackgroundTasks tasks,
                        RemoteTuning tuning, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A saved server with its token, read together off the UI thread. */
    private record Restored(ServerEntry entry, String token) {
    }

    /** Reads the remembered servers in the background and adds them to the connections. */
    public void restore() {
        tasks.task("Reading saved servers", p -> {
            List<Restored> restored = new ArrayList<>();
            for (ServerEntry e : store.load()) {
                restored.add(new Restored(e, tokens.token(e.name()).orElse("")));
            }
            return restored;
        }).quiet().onSuccess(list -> list.forEach(r -> {
            if (find(r.entry().name()) == null) {
                connections.add(connect(r.entry(), r.token()));
            }
        })).start();
    }

    /** The remote servers, in the order of the server switcher. */
    public List<RemoteConnection> servers() {
        return connections.all().stream().filter(RemoteConnection.class::isInstance)
                .map(RemoteConnection.class::cast).toList();
    }

    /** The server named {@code name}, or {@code null}. */
    public RemoteConnection find(String name) {
        return servers().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * Saves {@code entry} with {@code token} (replacing {@code previous}, the server being edited,
     * or {@code null} for a new one), then connects it in place of the old connection; if the old
     * one was active, the new one is. {@code token} empty keeps the stored token.
     */
    public void save(RemoteConnection previous, ServerEntry entry, String token, Consumer<RemoteConnection> onSaved,
                     Consumer<Throwable> onFailure) {
        String oldName = previous == null ? null : previous.name();
        List<ServerEntry> entries = new ArrayList<>(servers().stream().map(RemoteConnection::entry).toList());
        int at = previous == null ? -1 : entries.indexOf(previous.entry());
        if (at >= 0) {
            entries.set(at, entry);
        } else {
            entries.add(entry);
        }
        List<ServerEntry> snapshot = List.copyOf(entries);
        tasks.task("Saving server " + entry.name(), p -> {
            String kept = token.isEmpty() && oldName != null ? tokens.token(oldName).orElse("") : token;
            tokens.store(entry.name(), kept);
            if (oldName != null && !oldName.equals(entry.name())) {
                tokens.remove(oldName);
            }
            store.save(snapshot);
            return kept;
        }).onSuccess(kept -> {
            boolean wasActive = previous != null && connections.active() == previous;
            if (previous != null) {
                connections.remove(previous);
            }
            RemoteConnection connection = connect(entry, kept);
            connections.add(connection);
            if (wasActive) {
                connections.activate(connection);
            } else {
                connections.checkHealth(connection);
            }
            onSaved.accept(connection);
        }).onFailure(onFailure).start();
    }

    /** Forgets {@code server} (entry and token) and closes its connection. */
    public void remove(RemoteConnection server) {
        List<ServerEntry> snapshot = servers().stream().filter(s -> s != server).map(RemoteConnection::entry).toList();
        connections.remove(server);
        tasks.task("Removing server " + server.name(), p -> {
            store.save(snapshot);
            tokens.remove(server.name());
            return null;
        }).start();
    }

    /** The stored token of {@code server}, or empty: blocking, background tasks only. */
    public String storedToken(String server) {
        return tokens.token(server).orElse("");
    }

    /** Whether a connection other than {@code except} is named {@code name}. */
    public boolean nameTaken(String name, Connection except) {
        return connections.all().stream().anyMatch(c -> c != except && c.name().equalsIgnoreCase(name.strip()));
    }

    private RemoteConnection connect(ServerEntry entry, String token) {
        return new RemoteConnection(entry, token, tuning, clock);
    }
}
