package org.patientgen.console.workflows;

import java.util.Objects;

/**
 * An edge of a workflow graph as the layout and the cycle check see it: {@code downstream} waits
 * for {@code upstream}. (Its failure policy does not matter to either.)
 */
public record Dependency(String upstream, String downstream) {
    public Dependency {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(downstream, "downstream");
    }

    /** Whether the edge goes from a node to itself. */
    public boolean selfLoop() {
        return upstream.equals(downstream);
    }

    @Override
    public String toString() {
        return upstream + " → " + downstream;
    }
}
