package org.patientgen.console.workflows;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.patientgen.engine.api.OnUpstreamFailure;

/** An edge of a workflow draft: its ends (renamed with their nodes) and its policy. UI thread only. */
public final class DraftEdge {
    private Dependency ends;
    private final ObjectProperty<OnUpstreamFailure> policy = new SimpleObjectProperty<>(this, "policy");

    DraftEdge(Dependency ends, OnUpstreamFailure policy) {
        this.ends = ends;
        this.policy.set(policy);
    }

    public Dependency ends() {
        return ends;
    }

    /** Follows a node's new name. */
    void rename(String from, String to) {
        ends = new Dependency(ends.upstream().equals(from) ? to : ends.upstream(),
                ends.downstream().equals(from) ? to : ends.downstream());
    }

    /** What the downstream job does when the upstream one does not succeed. */
    public ObjectProperty<OnUpstreamFailure> policyProperty() {
        return policy;
    }

    @Override
    public String toString() {
        return ends.toString();
    }
}
