package org.patientgen.console.workflows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Places a workflow's nodes in columns, left to right, so that every edge points right: a layered
 * (Sugiyama-style) layout, computed without a window so it can be tested.
 *
 * <ol>
 *   <li><b>Cycles.</b> A draft may hold a cycle (the engine refuses it; the editor shows it). A
 *       depth-first search in draft order finds the edges that close one (back edges) and lays
 *       them out reversed; they are drawn pointing left. Self-loops take no part in layering.</li>
 *   <li><b>Layers.</b> Longest path: a node's column is one more than the furthest of its upstream
 *       nodes, so nodes without upstream nodes are in column 0 and each node sits right of all it
 *       waits for.</li>
 *   <li><b>Long edges.</b> An edge spanning several columns gets a waypoint in every column it
 *       crosses, which takes a row there like a node, so the edge runs between boxes, not through.</li>
 *   <li><b>Order.</b> Rows start in draft order; then four down-and-up sweeps move each node
 *       to the mean row of its neighbours in the previous column (the barycentre heuristic),
 *       keeping the order with the fewest crossings.</li>
 *   <li><b>Coordinates.</b> Columns are {@code layerGap} apart, rows {@code rowGap}; each column
 *       is centred vertically against the tallest.</li>
 * </ol>
 */
public final class LayeredLayout {
    private static final int SWEEPS = 4;

    private LayeredLayout() {
    }

    /**
     * Sizes and gaps, in pixels.
     *
     * @param nodeWidth  width of a node's box
     * @param nodeHeight height of a node's box
     * @param layerGap   horizontal space between columns
     * @param rowGap     vertical space between rows
     * @param margin     space around the whole drawing
     */
    public record Spacing(double nodeWidth, double nodeHeight, double layerGap, double rowGap, double margin) {
    }

    /** A point of the drawing. */
    public record Point(double x, double y) {
    }

    /** Where a node goes: its column ({@code layer}), row, and box. */
    public record Box(String node, int layer, int row, double x, double y, double width, double height) {
        /** Middle of the left side (where edges arrive). */
        public Point in() {
            return new Point(x, y + height / 2);
        }

        /** Middle of the right side (where edges leave). */
        public Point out() {
            return new Point(x + width, y + height / 2);
        }

        /** Middle of the bottom side (where edges closing a cycle leave and arrive). */
        public Point bottom() {
            return new Point(x + width / 2, y + height);
        }
    }

    /**
     * How an edge is drawn: from its upstream box to its downstream box through {@code points}
     * (first and last on the boxes' sides: leaving on the right, arriving on the left).
     *
     * @param reversed whether it closes a cycle and so points left: it leaves the upstream box and
     *                 arrives at the downstream box on their bottom sides, so that it does not
     *                 cover an edge going the other way between the same boxes
     * @param selfLoop whether it goes from a node to itself (points empty: draw a loop on the box)
     */
    public record Route(Dependency edge, List<Point> points, boolean reversed, boolean selfLoop) {
        public Route {
            points = List.copyOf(points);
        }
    }

    /**
     * The result.
     *
     * @param boxes     every node's box, in draft order
     * @param routes    every edge's route, in draft order
     * @param width     width of the whole drawing
     * @param height    height of the whole drawing
     * @param crossings how many pairs of edge segments cross (what the ordering minimised)
     */
    public record Layout(Map<String, Box> boxes, List<Route> routes, double width, double height, int crossings) {
        public Layout {
            boxes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
            routes = List.copyOf(routes);
        }
    }

    /**
     * Lays out a graph.
     *
     * @param nodes node names in draft order (unique)
     * @param edges edges between them, in draft order; edges naming unknown nodes are left out
     */
    public static Layout of(List<String> nodes, List<Dependency> edges, Spacing spacing) {
        Objects.requireNonNull(spacing, "spacing");
        return new Graph(nodes, edges).layout(spacing);
    }

    /** Vertices 0..n-1 are the nodes; higher ones are waypoints of long edges. */
    private static final class Graph {
        private final List<String> names;
        private final List<Dependency> edges = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();
        /** Per laid-out edge (not self-loops): its vertices from the left column to the right. */
        private final Map<Dependency, List<Integer>> chains = new LinkedHashMap<>();
        private final Set<Dependency> reversed = new HashSet<>();
        private final List<List<Integer>> layers = new ArrayList<>();
        private int[] layerOf;
        private int vertices;

        Graph(List<String> nodes, List<Dependency> all) {
            this.names = List.copyOf(nodes);
            for (int i = 0; i < names.size(); i++) {
                if (index.put(names.get(i), i) != null) {
                    throw new IllegalArgumentException("node '" + names.get(i) + "' is listed twice");
                }
            }
            for (Dependency e : all) {
                if (index.containsKey(e.upstream()) && index.containsKey(e.downstream())) {
                    edges.add(e);
                }
            }
            vertices = names.size();
        }

        Layout layout(Spacing spacing) {
            findBackEdges();
            assignLayers();
            addWaypoints();
            int crossings = order();
            return place(spacing, crossings);
        }

        // ---- 1. cycles ----

        private void findBackEdges() {
            List<List<Dependency>> out = outgoing();
            int[] state = new int[names.size()]; // 0 new, 1 on the path, 2 done
            for (int start = 0; start < names.size(); start++) {
                if (state[start] == 0) {
                    visit(start, out, state);
                }
            }
        }

        private void visit(int v, List<List<Dependency>> out, int[] state) {
            state[v] = 1;
            for (Dependency e : out.get(v)) {
                int w = index.get(e.downstream());
                if (state[w] == 1) {
                    reversed.add(e);
                } else if (state[w] == 0) {
                    visit(w, out, state);
                }
            }
            state[v] = 2;
        }

        private List<List<Dependency>> outgoing() {
            List<List<Dependency>> out = new ArrayList<>();
            names.forEach(n -> out.add(new ArrayList<>()));
            for (Dependency e : edges) {
                if (!e.selfLoop()) {
                    out.get(index.get(e.upstream())).add(e);
                }
            }
            return out;
        }

        /** The edge as laid out: left end, right end. */
        private int[] ends(Dependency e) {
            int u = index.get(e.upstream());
            int v = index.get(e.downstream());
            return reversed.contains(e) ? new int[] {v, u} : new int[] {u, v};
        }

        // ---- 2. layers ----

        private void assignLayers() {
            int n = names.size();
            List<List<Integer>> next = new ArrayList<>();
            int[] waiting = new int[n];
            for (int i = 0; i < n; i++) {
                next.add(new ArrayList<>());
            }
            for (Dependency e : edges) {
                if (!e.selfLoop()) {
                    int[] lr = ends(e);
                    next.get(lr[0]).add(lr[1]);
                    waiting[lr[1]]++;
                }
            }
            layerOf = new int[n];
            java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
            for (int i = 0; i < n; i++) {
                if (waiting[i] == 0) {
                    ready.add(i);
                }
            }
            while (!ready.isEmpty()) {
                int u = ready.poll();
                for (int w : next.get(u)) {
                    layerOf[w] = Math.max(layerOf[w], layerOf[u] + 1);
                    if (--waiting[w] == 0) {
                        ready.add(w);
                    }
                }
            }
            int count = n == 0 ? 0 : Arrays.stream(layerOf).max().orElse(0) + 1;
            for (int i = 0; i < count; i++) {
                layers.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                layers.get(layerOf[i]).add(i);
            }
        }

        // ---- 3. waypoints ----

        private void addWaypoints() {
            List<Integer> extraLayers = new ArrayList<>();
            for (Dependency e : edges) {
                if (e.selfLoop() || chains.containsKey(e)) {
                    continue;
                }
                int[] lr = ends(e);
                List<Integer> chain = new ArrayList<>();
                chain.add(lr[0]);
                for (int layer = layerOf[lr[0]] + 1; layer < layerOf[lr[1]]; layer++) {
                    int waypoint = vertices++;
                    extraLayers.add(layer);
                    layers.get(layer).add(waypoint);
                    chain.add(waypoint);
                }
                chain.add(lr[1]);
                chains.put(e, chain);
            }
            layerOf = Arrays.copyOf(layerOf, vertices);
            for (int i = 0; i < extraLayers.size(); i++) {
                layerOf[names.size() + i] = extraLayers.get(i);
            }
        }

        // ---- 4. order ----

        /** Neighbours of each vertex in the column to its left and to its right. */
        private List<List<Integer>> neighbours(boolean left) {
            List<List<Integer>> result = new ArrayList<>();
            for (int i = 0; i < vertices; i++) {
                result.add(new ArrayList<>());
            }
            for (List<Integer> chain : chains.values()) {
                for (int i = 0; i + 1 < chain.size(); i++) {
                    int a = chain.get(i);
                    int b = chain.get(i + 1);
                    if (left) {
                        result.get(b).add(a);
                    } else {
                        result.get(a).add(b);
                    }
                }
            }
            return result;
        }

        private int order() {
            List<List<Integer>> leftOf = neighbours(true);
            List<List<Integer>> rightOf = neighbours(false);
            List<List<Integer>> best = copy(layers);
            int bestCrossings = crossings(layers, rightOf);
            for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
                for (int l = 1; l < layers.size(); l++) {
                    reorder(layers.get(l), layers.get(l - 1), leftOf);
                }
                for (int l = layers.size() - 2; l >= 0; l--) {
                    reorder(layers.get(l), layers.get(l + 1), rightOf);
                }
                int c = crossings(layers, rightOf);
                if (c < bestCrossings) {
                    bestCrossings = c;
                    best = copy(layers);
                }
            }
            layers.clear();
            layers.addAll(best);
            return bestCrossings;
        }

        /** Sorts {@code layer} by the mean row of each vertex's neighbours in {@code fixed}; stable. */
        private void reorder(List<Integer> layer, List<Integer> fixed, List<List<Integer>> neighbours) {
            Map<Integer, Integer> rowInFixed = rows(fixed);
            Map<Integer, Double> key = new HashMap<>();
            for (int i = 0; i < layer.size(); i++) {
                int v = layer.get(i);
                List<Integer> ns = neighbours.get(v);
                // A vertex without neighbours there keeps its place.
                key.put(v, ns.isEmpty() ? i : ns.stream().mapToInt(rowInFixed::get).average().orElse(i));
            }
            layer.sort(Comparator.comparingDouble(key::get));
        }

        private static Map<Integer, Integer> rows(List<Integer> layer) {
            Map<Integer, Integer> rows = new HashMap<>();
            for (int i = 0; i < layer.size(); i++) {
                rows.put(layer.get(i), i);
            }
            return rows;
        }

        /** Pairs of segments between adjacent columns that cross. */
        private static int crossings(List<List<Integer>> layers, List<List<Integer>> rightOf) {
            int total = 0;
            for (int l = 0; l + 1 < layers.size(); l++) {
                Map<Integer, Integer> right = rows(layers.get(l + 1));
                List<int[]> segments = new ArrayList<>();
                List<Integer> layer = layers.get(l);
                for (int i = 0; i < layer.size(); i++) {
                    for (int w : rightOf.get(layer.get(i))) {
                        segments.add(new int[] {i, right.get(w)});
                    }
                }
                for (int a = 0; a < segments.size(); a++) {
                    for (int b = a + 1; b < segments.size(); b++) {
                        int[] s = segments.get(a);
                        int[] t = segments.get(b);
                        if ((s[0] - t[0]) * (long) (s[1] - t[1]) < 0) {
                            total++;
                        }
                    }
                }
            }
            return total;
        }

        private static List<List<Integer>> copy(List<List<Integer>> layers) {
            List<List<Integer>> copy = new ArrayList<>();
            layers.forEach(l -> copy.add(new ArrayList<>(l)));
            return copy;
        }

        // ---- 5. coordinates ----

        private Layout place(Spacing s, int crossings) {
            int tallest = layers.stream().mapToInt(List::size).max().orElse(0);
            double rowPitch = s.nodeHeight() + s.rowGap();
            double columnPitch = s.nodeWidth() + s.layerGap();
            Point[] centre = new Point[vertices];
            int[] rowOf = new int[vertices];
            for (int l = 0; l < layers.size(); l++) {
                List<Integer> layer = layers.get(l);
                double top = s.margin() + (tallest - layer.size()) * rowPitch / 2;
                for (int r = 0; r < layer.size(); r++) {
                    int v = layer.get(r);
                    rowOf[v] = r;
                    centre[v] = new Point(s.margin() + l * columnPitch + s.nodeWidth() / 2,
                            top + r * rowPitch + s.nodeHeight() / 2);
                }
            }
            Map<String, Box> boxes = new LinkedHashMap<>();
            for (int v = 0; v < names.size(); v++) {
                boxes.put(names.get(v), new Box(names.get(v), layerOf[v], rowOf[v],
                        centre[v].x() - s.nodeWidth() / 2, centre[v].y() - s.nodeHeight() / 2,
                        s.nodeWidth(), s.nodeHeight()));
            }
            List<Route> routes = new ArrayList<>();
            for (Dependency e : edges) {
                if (e.selfLoop()) {
                    routes.add(new Route(e, List.of(), false, true));
                    continue;
                }
                List<Integer> chain = chains.get(e);
                boolean back = reversed.contains(e);
                Box left = boxes.get(names.get(chain.get(0)));
                Box right = boxes.get(names.get(chain.get(chain.size() - 1)));
                List<Point> points = new ArrayList<>();
                points.add(back ? left.bottom() : left.out());
                for (int i = 1; i + 1 < chain.size(); i++) {
                    points.add(centre[chain.get(i)]);
                }
                points.add(back ? right.bottom() : right.in());
                if (back) {
                    java.util.Collections.reverse(points);
                }
                routes.add(new Route(e, points, back, false));
            }
            double width = layers.isEmpty() ? 0 : 2 * s.margin() + layers.size() * columnPitch - s.layerGap();
            double height = tallest == 0 ? 0 : 2 * s.margin() + tallest * rowPitch - s.rowGap();
            return new Layout(boxes, routes, width, height, crossings);
        }
    }
}
