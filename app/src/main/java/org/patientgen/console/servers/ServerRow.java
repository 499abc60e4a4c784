package org.patientgen.console.servers;

import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.remote.RemoteConnection;

/**
 * One line of the servers list: a saved server and its live health (the property
 * {@link org.patientgen.console.connection.Connections} polls).
 */
public record ServerRow(RemoteConnection server, ReadOnlyObjectProperty<ConnectionHealth> health) {
    public ServerRow {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(health, "health");
    }

    public String name() {
        return server.name();
    }

    public String url() {
        return server.entry().url();
    }

    public String region() {
        return server.region();
    }

    /** E.g. {@code Pinned AB:CD:…:EF} for a trusted self-signed certificate, else empty. */
    public String certificate() {
        String pin = server.entry().pinnedFingerprint();
        return pin.isEmpty() ? "" : "Pinned " + (pin.length() > 17 ? pin.substring(0, 11) + "…"
                + pin.substring(pin.length() - 5) : pin);
    }

    /** The badge's text and the tooltip's: summary, then the reasons. */
    public String healthText() {
        return health.get().summary();
    }

    public String healthDetail() {
        ConnectionHealth h = health.get();
        return h.summary() + (h.detail().isEmpty() ? "" : "\n" + h.detail());
    }
}
