package org.patientgen.console.servers;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.Connections;
import org.patientgen.console.connection.remote.RemoteConnection;
import org.patientgen.console.connection.remote.SavedServers;
import org.patientgen.console.connection.remote.ServerChecks;
import org.patientgen.console.dialog.Dialogs;
import org.patientgen.console.task.BackgroundTasks;

/**
 * The servers screen: the saved remote servers with their health, and the commands to add, edit,
 * remove and connect to one (connect makes it the connection every screen shows). UI thread only.
 */
public final class ServersViewModel {
    private final Connections connections;
    private final SavedServers servers;
    private final ServerChecks checks;
    private final BackgroundTasks tasks;
    private final Dialogs dialogs;
    private final ObservableList<ServerRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ServerRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanBinding nothingSelected = selected.isNull();
    private final BooleanBinding empty = Bindings.isEmpty(rows);
    private final ListChangeListener<Connection> onConnections = c -> rebuild();

    public ServersViewModel(Connections connections, SavedServers servers, ServerChecks checks, BackgroundTasks tasks,
                            Dialogs dialogs) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    /** Follows the connections while the screen is shown. */
    public void attach() {
        connections.all().addListener(onConnections);
        rebuild();
        servers.servers().forEach(connections::checkHealth);
    }

    public void detach() {
        connections.all().removeListener(onConnections);
    }

    private void rebuild() {
        String keep = selected.get() == null ? null : selected.get().name();
        rows.setAll(servers.servers().stream().map(s -> new ServerRow(s, connections.healthProperty(s))).toList());
        selected.set(rows.stream().filter(r -> r.name().equals(keep)).findFirst().orElse(null));
    }

    public ObservableList<ServerRow> rows() {
        return rows;
    }

    public ObjectProperty<ServerRow> selectedProperty() {
        return selected;
    }

    public BooleanBinding nothingSelectedProperty() {
        return nothingSelected;
    }

    /** No server saved yet: the list shows what to do. */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    /** What the empty list says. */
    public String emptyText() {
        return "No servers yet. Add one with its address and a token from 'patientgen token create'"
                + " on the server; the local engine is always available.";
    }

    /** Whether {@code row}'s server is the connection the screens show. */
    public boolean isActive(ServerRow row) {
        return connections.active() == row.server();
    }

    /** The editor for a new server. */
    public ServerEditorViewModel add() {
        return new ServerEditorViewModel(servers, checks, tasks, null);
    }

    /** The editor for the selected server, or null. */
    public ServerEditorViewModel editSelected() {
        ServerRow row = selected.get();
        return row == null ? null : new ServerEditorViewModel(servers, checks, tasks, row.server());
    }

    /** Makes the selected server the active connection. */
    public void connectSelected() {
        ServerRow row = selected.get();
        if (row != null) {
            connect(row.server());
        }
    }

    /** Makes {@code server} the connection every screen shows. */
    public void connect(RemoteConnection server) {
        connections.activate(server);
    }

    /** Asks, then forgets the selected server and its token. */
    public void removeSelected() {
        ServerRow row = selected.get();
        if (row == null) {
            return;
        }
        boolean yes = dialogs.confirm(new Dialogs.Confirmation("Remove server", "Remove " + row.name() + "?",
                "The console forgets its address and token" + (isActive(row) ? " and switches to the local engine"
                        : "") + ". Nothing changes on the server.", "Remove server", "Keep it", true));
        if (yes) {
            servers.remove(row.server());
        }
    }

    /** Checks every server's health now. */
    public void refresh() {
        servers.servers().forEach(connections::checkHealth);
    }
}
