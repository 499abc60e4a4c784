package org.patientgen.console.workflows;

import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.patientgen.console.jobs.SubmitJobViewModel;

/**
 * A node of a workflow draft: its name as typed, the name its edges use (the last valid one), and
 * its job template (the shared job form). UI thread only.
 */
public final class DraftNode {
    /** The engine's rule for node names. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ReadOnlyStringWrapper committed = new ReadOnlyStringWrapper(this, "committed");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final SubmitJobViewModel job;

    DraftNode(String name, SubmitJobViewModel job) {
        this.name.set(name);
        this.committed.set(name);
        this.job = job;
    }

    /** The name as typed (edit it). */
    public StringProperty nameProperty() {
        return name;
    }

    /** The name the node has in the graph: the last valid name typed. */
    public ReadOnlyStringProperty committedNameProperty() {
        return committed.getReadOnlyProperty();
    }

    public String committedName() {
        return committed.get();
    }

    void commit(String newName) {
        committed.set(newName);
    }

    /** Why the typed name cannot be used, or empty. */
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    void nameError(String message) {
        nameError.set(message);
    }

    /** The node's job template. */
    public SubmitJobViewModel job() {
        return job;
    }

    @Override
    public String toString() {
        return committed.get();
    }
}
