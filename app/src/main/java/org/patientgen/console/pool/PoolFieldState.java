package org.patientgen.console.pool;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.patientgen.engine.api.TransactionIsolation;

/**
 * One field of the pool form as the view binds it: the value being edited (text, switch or choice,
 * by the field's {@link PoolField.Kind}), its problem, whether it differs from what the running
 * pool uses, and the running value. UI thread only.
 */
public final class PoolFieldState {
    private final PoolField field;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty flag = new SimpleBooleanProperty(this, "flag");
    private final ObjectProperty<TransactionIsolation> isolation =
            new SimpleObjectProperty<>(this, "isolation", TransactionIsolation.DRIVER_DEFAULT);
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    final ReadOnlyStringWrapper running = new ReadOnlyStringWrapper(this, "running", "");
    final ReadOnlyStringWrapper reading = new ReadOnlyStringWrapper(this, "reading", "");

    PoolFieldState(PoolField field) {
        this.field = field;
    }

    public PoolField field() {
        return field;
    }

    /** The typed value of a count, time or text field. */
    public StringProperty textProperty() {
        return text;
    }

    /** The value of a switch. */
    public BooleanProperty flagProperty() {
        return flag;
    }

    /** The value of the isolation choice. */
    public ObjectProperty<TransactionIsolation> isolationProperty() {
        return isolation;
    }

    /** What is wrong with the value (typing or the engine's rule), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the value differs from what the running pool uses. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** The running pool's value, formatted ({@code 30 s}). */
    public ReadOnlyStringProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * How a time was read, when that is not obvious from the text: {@code = 90 s} for
     * {@code 1.5 min}, {@code = 30 s} for {@code 30000}; empty otherwise.
     */
    public ReadOnlyStringProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }
}
