package org.patientgen.console.workflows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes and edges of a workflow draft that lie on a cycle, found before it is submitted so the
 * editor can draw them in the error colour. (The engine refuses a cycle itself and names one; the
 * editor shows that message. This check only decides what to highlight, and marks <em>every</em>
 * node and edge on any cycle, so whichever cycle the engine names is among them.)
 *
 * <p>Algorithm: Tarjan's strongly connected components. An edge is on a cycle exactly when both its
 * ends are in the same component and that component has more than one node or the edge is a
 * self-loop. For the message, {@link #example()} is a shortest cycle through the first node (in
 * draft order) that is on one, found by a breadth-first search inside its component.
 *
 * @param nodes   nodes on some cycle, in draft order
 * @param edges   edges on some cycle, in draft order
 * @param example one cycle, its first node repeated at the end (e.g. {@code [A, B, A]}), or empty
 */
public record WorkflowCycles(Set<String> nodes, Set<Dependency> edges, List<String> example) {
    public WorkflowCycles {
        nodes = Collections.unmodifiableSet(new LinkedHashSet<>(nodes));
        edges = Collections.unmodifiableSet(new LinkedHashSet<>(edges));
        example = List.copyOf(example);
    }

    /** No cycle. */
    public static final WorkflowCycles NONE = new WorkflowCycles(Set.of(), Set.of(), List.of());

    /** Whether the graph is a DAG. */
    public boolean isEmpty() {
        return edges.isEmpty();
    }

    /** The example cycle as {@code A → B → A}, or empty. */
    public String describe() {
        return String.join(" → ", example);
    }

    /**
     * The cycles of a graph.
     *
     * @param nodes node names in draft order (unique)
     * @param edges edges between them (unknown names are ignored)
     */
    public static WorkflowCycles of(List<String> nodes, List<Dependency> edges) {
        return new Finder(nodes, edges).find();
    }

    private static final class Finder {
        private final List<String> names;
        private final List<Dependency> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<List<Integer>> out = new ArrayList<>();
        private final int[] order;
        private final int[] low;
        private final int[] component;
        private final boolean[] onStack;
        private final Deque<Integer> stack = new ArrayDeque<>();
        private final List<Integer> componentSize = new ArrayList<>();
        private int counter;

        Finder(List<String> nodes, List<Dependency> edges) {
            this.names = nodes;
            this.edges = edges;
            for (int i = 0; i < nodes.size(); i++) {
                index.put(nodes.get(i), i);
                out.add(new ArrayList<>());
            }
            for (Dependency e : edges) {
                Integer u = index.get(e.upstream());
                Integer v = index.get(e.downstream());
                if (u != null && v != null) {
                    out.get(u).add(v);
                }
            }
            order = new int[nodes.size()];
            low = new int[nodes.size()];
            component = new int[nodes.size()];
            onStack = new boolean[nodes.size()];
            java.util.Arrays.fill(order, -1);
        }

        WorkflowCycles find() {
            for (int v = 0; v < names.size(); v++) {
                if (order[v] < 0) {
                    connect(v);
                }
            }
            Set<Dependency> cyclic = new LinkedHashSet<>();
            for (Dependency e : edges) {
                Integer u = index.get(e.upstream());
                Integer v = index.get(e.downstream());
                if (u != null && v != null && component[u] == component[v]
                        && (u.equals(v) || componentSize.get(component[u]) > 1)) {
                    cyclic.add(e);
                }
            }
            if (cyclic.isEmpty()) {
                return NONE;
            }
            Set<String> nodes = new LinkedHashSet<>();
            for (int v = 0; v < names.size(); v++) {
                int c = component[v];
                if (componentSize.get(c) > 1 || out.get(v).contains(v)) {
                    nodes.add(names.get(v));
                }
            }
            int first = index.get(nodes.iterator().next());
            return new WorkflowCycles(nodes, cyclic, shortestCycleThrough(first));
        }

        /** Tarjan's algorithm, recursive: a workflow has at most 1,000 nodes. */
        private void connect(int v) {
            order[v] = counter;
            low[v] = counter;
            counter++;
            stack.push(v);
            onStack[v] = true;
            for (int w : out.get(v)) {
                if (order[w] < 0) {
                    connect(w);
                    low[v] = Math.min(low[v], low[w]);
                } else if (onStack[w]) {
                    low[v] = Math.min(low[v], order[w]);
                }
            }
            if (low[v] == order[v]) {
                int id = componentSize.size();
                int size = 0;
                int w;
                do {
                    w = stack.pop();
                    onStack[w] = false;
                    component[w] = id;
                    size++;
                } while (w != v);
                componentSize.add(size);
            }
        }

        private List<String> shortestCycleThrough(int start) {
            if (out.get(start).contains(start)) {
                return List.of(names.get(start), names.get(start));
            }
            int[] previous = new int[names.size()];
            java.util.Arrays.fill(previous, -1);
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            while (!queue.isEmpty()) {
                int u = queue.poll();
                for (int w : out.get(u)) {
                    if (component[w] != component[start]) {
                        continue;
                    }
                    if (w == start) {
                        List<String> cycle = new ArrayList<>();
                        for (int x = u; x != start; x = previous[x]) {
                            cycle.add(names.get(x));
                        }
                        cycle.add(names.get(start));
                        Collections.reverse(cycle);
                        cycle.add(names.get(start));
                        return cycle;
                    }
                    if (previous[w] < 0) {
                        previous[w] = u;
                        queue.add(w);
                    }
                }
            }
            throw new IllegalStateException("node " + names.get(start) + " is in a cycle but no path leads back");
        }
    }
}
