package org.patientgen.console.screen;

import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** When the console last received data from the active connection; the status bar shows it. UI thread only. */
public final class Freshness {
    private final ReadOnlyObjectWrapper<Instant> lastUpdate = new ReadOnlyObjectWrapper<>(this, "lastUpdate");

    /** Records that data arrived at {@code at}. */
    public void updated(Instant at) {
        lastUpdate.set(at);
    }

    /** The last update, or {@code null} before any. */
    public ReadOnlyObjectProperty<Instant> lastUpdateProperty() {
        return lastUpdate.getReadOnlyProperty();
    }
}
