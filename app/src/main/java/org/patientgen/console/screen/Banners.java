package org.patientgen.console.screen;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.patientgen.console.task.Failures;

/**
 * The two banners over a screen's content: an error (what failed, in the engine's words) and a
 * message (what the last command did). Showing one hides the other; each can be dismissed. The
 * view shows a banner while its text is not empty ({@link Controls#banner}). UI thread only.
 */
public final class Banners {
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** Shows a failure in the error banner. */
    public void failed(Throwable e) {
        error(Failures.message(e));
    }

    /** Shows an error, hiding the message. */
    public void error(String text) {
        message.set("");
        error.set(text);
    }

    /** Shows what a command did, hiding an earlier error. */
    public void message(String text) {
        error.set("");
        message.set(text);
    }

    /** Hides both. */
    public void clear() {
        error.set("");
        message.set("");
    }

    public void dismissError() {
        error.set("");
    }

    public void dismissMessage() {
        message.set("");
    }

    /** The error, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The message, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
