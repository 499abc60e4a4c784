package org.patientgen.engine.workflows;

import java.util.List;

/** A workflow's edges lead back to a node, so it has no order to run in. Nothing was stored. */
public final class WorkflowCycleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> cycle;

    /**
     * @param workflow the workflow's name
     * @param cycle    the nodes around the cycle, first node repeated at the end (A, B, C, A)
     */
    public WorkflowCycleException(String workflow, List<String> cycle) {
        super("workflow '" + workflow + "' has a cycle: " + String.join(" → ", cycle)
                + "; remove or reverse one of these edges so that no node depends on itself");
        this.cycle = List.copyOf(cycle);
    }

    /** The nodes around the cycle, the first repeated at the end. */
    public List<String> cycle() {
        return cycle;
    }
}
