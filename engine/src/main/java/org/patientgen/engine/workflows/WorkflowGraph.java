package org.patientgen.engine.workflows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;

/**
 * The dependency graph of a workflow: checks that it is a DAG and orders its nodes so that every
 * node comes after all its upstream nodes.
 */
public final class WorkflowGraph {
    private final WorkflowDefinition definition;
    /** Node name → its index in the definition. */
    private final Map<String, Integer> index = new HashMap<>();
    /** Downstream node indices of each node, in edge order. */
    private final List<List<Integer>> downstream = new ArrayList<>();
    private final int[] upstreamCount;

    private WorkflowGraph(WorkflowDefinition definition) {
        this.definition = definition;
        List<WorkflowNode> nodes = definition.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).name(), i);
            downstream.add(new ArrayList<>());
        }
        upstreamCount = new int[nodes.size()];
        for (WorkflowEdge edge : definition.edges()) {
            int down = index.get(edge.downstream());
            downstream.get(index.get(edge.upstream())).add(down);
            upstreamCount[down]++;
        }
    }

    /**
     * The graph of a definition.
     *
     * @throws WorkflowCycleException naming a cycle, if the edges have one
     */
    public static WorkflowGraph of(WorkflowDefinition definition) {
        WorkflowGraph graph = new WorkflowGraph(definition);
        List<String> cycle = graph.findCycle();
        if (!cycle.isEmpty()) {
            throw new WorkflowCycleException(definition.name(), cycle);
        }
        return graph;
    }

    /** Whether the node waits for other nodes. */
    public boolean hasUpstream(String node) {
        return upstreamCount[index.get(node)] > 0;
    }

    /**
     * The nodes with every node after its upstream nodes; among nodes that are free to go, the
     * one listed first in the definition goes first, so the order is stable and readable.
     */
    public List<WorkflowNode> topologicalOrder() {
        int[] remaining = upstreamCount.clone();
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < remaining.length; i++) {
            if (remaining[i] == 0) {
                ready.add(i);
            }
        }
        List<WorkflowNode> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order.add(definition.nodes().get(next));
            for (int down : downstream.get(next)) {
                if (--remaining[down] == 0) {
                    ready.add(down);
                }
            }
        }
        return order;
    }

    /**
     * A cycle, as node names with the first repeated at the end, or empty. Depth-first search in
     * definition order: an edge to a node still on the search path closes a cycle, which is the
     * path from that node to here. Deterministic, so the same definition always names the same cycle.
     */
    private List<String> findCycle() {
        int n = definition.nodes().size();
        int[] state = new int[n]; // 0 unvisited, 1 on the current path, 2 done
        List<Integer> path = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            if (state[start] == 0) {
                List<String> cycle = visit(start, state, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        return List.of();
    }

    private List<String> visit(int node, int[] state, List<Integer> path) {
        state[node] = 1;
        path.add(node);
        for (int down : downstream.get(node)) {
            if (state[down] == 1) {
                List<String> cycle = new ArrayList<>();
                for (int i = path.indexOf(down); i < path.size(); i++) {
                    cycle.add(definition.nodes().get(path.get(i)).name());
                }
                cycle.add(definition.nodes().get(down).name());
                return cycle;
            }
            if (state[down] == 0) {
                List<String> cycle = visit(down, state, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        path.remove(path.size() - 1);
        state[node] = 2;
        return List.of();
    }
}
