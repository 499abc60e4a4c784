package org.patientgen.console.workflows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patientgen.console.workflows.LayeredLayout.Box;
import org.patientgen.console.workflows.LayeredLayout.Layout;
import org.patientgen.console.workflows.LayeredLayout.Route;
import org.patientgen.console.workflows.LayeredLayout.Spacing;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.OnUpstreamFailure;

/**
 * What the workflow canvas draws, as one immutable value: boxes and arrows at their places, each
 * with what decides its look (state, on a cycle, invalid, selected). ViewModels build it; the view
 * only draws it, so everything about the picture but the pixels is tested without a window.
 *
 * @param nodes  the boxes, in draft order
 * @param edges  the arrows, in draft order
 * @param width  the drawing's width, including room for loops
 * @param height the drawing's height, including room for edges that close a cycle (drawn below)
 */
public record WorkflowDiagram(List<NodeView> nodes, List<EdgeView> edges, double width, double height) {
    /** Box size and gaps of every diagram. */
    public static final Spacing SPACING = new Spacing(160, 58, 64, 26, 34);
    /** Extra room below the boxes for edges that close a cycle. */
    static final double BELOW = 40;
    /** Nothing to draw. */
    public static final WorkflowDiagram EMPTY = new WorkflowDiagram(List.of(), List.of(), 0, 0);

    public WorkflowDiagram {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A node's box.
     *
     * @param name     the node's name
     * @param detail   the second line: the job's size, or its id and state once submitted
     * @param box      where it goes
     * @param state    its job's state once submitted, else null
     * @param onCycle  whether it lies on a cycle (drawn in the error colour)
     * @param invalid  whether its job template has a problem (drawn as a warning)
     * @param selected whether it is selected
     */
    public record NodeView(String name, String detail, Box box, JobState state, boolean onCycle, boolean invalid,
                           boolean selected) {
    }

    /**
     * An edge's arrow.
     *
     * @param edge     its ends
     * @param route    how it runs
     * @param policy   what the downstream job does when the upstream one fails (RUN is drawn dashed)
     * @param onCycle  whether it lies on a cycle (drawn in the error colour)
     * @param selected whether it is selected
     */
    public record EdgeView(Dependency edge, Route route, OnUpstreamFailure policy, boolean onCycle,
                           boolean selected) {
    }

    /** What is selected: a node, an edge, or nothing. */
    public record Selection(String node, Dependency edge) {
        /** Nothing selected. */
        public static final Selection NONE = new Selection(null, null);

        public static Selection node(String name) {
            return new Selection(Objects.requireNonNull(name, "name"), null);
        }

        public static Selection edge(Dependency edge) {
            return new Selection(null, Objects.requireNonNull(edge, "edge"));
        }

        public boolean isNode(String name) {
            return name.equals(node);
        }

        public boolean isEdge(Dependency d) {
            return d.equals(edge);
        }
    }

    /** What a node shows besides its name. */
    public record NodeInfo(String name, String detail, JobState state, boolean invalid) {
    }

    /** An edge with its policy. */
    public record EdgeInfo(Dependency edge, OnUpstreamFailure policy) {
    }

    /** Lays out and marks a graph. */
    public static WorkflowDiagram of(List<NodeInfo> nodes, List<EdgeInfo> edges, WorkflowCycles cycles,
                                     Selection selection) {
        if (nodes.isEmpty()) {
            return EMPTY;
        }
        List<String> names = nodes.stream().map(NodeInfo::name).toList();
        List<Dependency> deps = edges.stream().map(EdgeInfo::edge).toList();
        Layout layout = LayeredLayout.of(names, deps, SPACING);
        Map<String, Box> boxes = layout.boxes();
        List<NodeView> nodeViews = new ArrayList<>();
        for (NodeInfo n : nodes) {
            nodeViews.add(new NodeView(n.name(), n.detail(), boxes.get(n.name()), n.state(),
                    cycles.nodes().contains(n.name()), n.invalid(), selection.isNode(n.name())));
        }
        List<EdgeView> edgeViews = new ArrayList<>();
        boolean anyBelow = false;
        Map<Dependency, Route> routes = new HashMap<>();
        layout.routes().forEach(r -> routes.putIfAbsent(r.edge(), r));
        for (EdgeInfo e : edges) {
            Route route = routes.get(e.edge());
            if (route == null) {
                continue;
            }
            anyBelow |= route.reversed();
            edgeViews.add(new EdgeView(e.edge(), route, e.policy(), cycles.edges().contains(e.edge()),
                    selection.isEdge(e.edge())));
        }
        return new WorkflowDiagram(nodeViews, edgeViews, layout.width(), layout.height() + (anyBelow ? BELOW : 0));
    }
}
