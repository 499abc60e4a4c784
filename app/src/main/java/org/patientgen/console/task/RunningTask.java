package org.patientgen.console.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A visible background task as the status bar shows it; changed on the UI thread only. */
public final class RunningTask {
    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    RunningTask(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** 0 to 1, or negative while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void update(double fraction, String text) {
        progress.set(fraction < 0 ? -1 : Math.min(1, fraction));
        message.set(text == null ? "" : text);
    }
}
