package org.patientgen.engine.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Jobs with dependencies: a named set of nodes and the edges between them.
 *
 * <p>Checked here: the name, unique node names, edges that name existing nodes, no edge listed
 * twice. Whether the edges form a DAG (no cycle) is checked when the workflow is submitted, which
 * names the cycle if there is one.
 *
 * @param name  what the workflow is called, 1 to 200 characters (not necessarily unique)
 * @param nodes its jobs, at least one
 * @param edges dependencies between them
 */
public record WorkflowDefinition(String name, List<WorkflowNode> nodes, List<WorkflowEdge> edges) {
    /** Bound on nodes, so one submission stays one reasonable transaction. */
    public static final int MAX_NODES = 1_000;

    public WorkflowDefinition {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        name = name.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("workflow name must be 1 to 200 characters");
        }
        if (nodes.isEmpty() || nodes.size() > MAX_NODES) {
            throw new IllegalArgumentException("a workflow needs 1 to " + MAX_NODES + " nodes, had " + nodes.size());
        }
        Set<String> names = new HashSet<>();
        for (WorkflowNode node : nodes) {
            if (!names.add(node.name())) {
                throw new IllegalArgumentException("workflow node name '" + node.name() + "' is used twice");
            }
        }
        Set<String> pairs = new HashSet<>();
        for (WorkflowEdge edge : edges) {
            for (String end : List.of(edge.upstream(), edge.downstream())) {
                if (!names.contains(end)) {
                    throw new IllegalArgumentException("edge " + edge.upstream() + " → " + edge.downstream()
                            + " names node '" + end + "', which is not in the workflow " + names.stream().sorted().toList());
                }
            }
            if (!pairs.add(edge.upstream() + "\n" + edge.downstream())) {
                throw new IllegalArgumentException("edge " + edge.upstream() + " → " + edge.downstream()
                        + " is listed twice");
            }
        }
    }
}
