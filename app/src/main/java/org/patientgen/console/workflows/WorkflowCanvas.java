package org.patientgen.console.workflows;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.console.workflows.LayeredLayout.Box;
import org.patientgen.console.workflows.LayeredLayout.Point;
import org.patientgen.console.workflows.LayeredLayout.Route;
import org.patientgen.console.workflows.WorkflowDiagram.EdgeView;
import org.patientgen.console.workflows.WorkflowDiagram.NodeView;
import org.patientgen.console.workflows.WorkflowDiagram.Selection;
import org.patientgen.engine.api.OnUpstreamFailure;

/**
 * Draws a {@link WorkflowDiagram}: nodes as boxes, edges as curves with arrowheads, all styled by
 * classes ({@code styles/workflows.css}), so themes and states only change CSS. Clicking a box or
 * an edge selects it; clicking the background selects nothing. A new diagram replaces the drawing
 * (a workflow has few nodes; the ViewModels hand over a new diagram at most once per tick).
 */
final class WorkflowCanvas extends Pane {
    static final String NODE = "pg-wf-node";
    static final String NODE_NAME = "pg-wf-node-name";
    static final String NODE_DETAIL = "pg-wf-node-detail";
    static final String EDGE = "pg-wf-edge";
    static final String EDGE_HIT = "pg-wf-edge-hit";
    static final String ARROW = "pg-wf-arrow";
    static final String RUN_ANYWAY = "pg-wf-run-anyway";
    static final String ON_CYCLE = "pg-wf-cycle";
    static final String INVALID = "pg-wf-invalid";
    static final String SELECTED = "pg-wf-selected";
    /** How far a curve leaves its box before bending, and how deep edges closing a cycle dip. */
    private static final double BEND = 36;
    private static final double ARROW_LENGTH = 10;
    private static final double ARROW_HALF_WIDTH = 5;

    private Consumer<Selection> onSelect = s -> { };

    WorkflowCanvas() {
        getStyleClass().add("pg-wf-canvas");
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getTarget() == this) {
                onSelect.accept(Selection.NONE);
            }
        });
    }

    /** What happens when the user clicks a node, an edge, or the background. */
    void onSelect(Consumer<Selection> action) {
        this.onSelect = action;
    }

    /** Replaces the drawing. */
    void show(WorkflowDiagram diagram) {
        getChildren().clear();
        setPrefSize(diagram.width(), diagram.height());
        for (EdgeView e : diagram.edges()) {
            Box up = box(diagram, e.edge().upstream());
            drawEdge(e, up);
        }
        for (NodeView n : diagram.nodes()) {
            drawNode(n);
        }
    }

    private static Box box(WorkflowDiagram diagram, String node) {
        return diagram.nodes().stream().filter(n -> n.name().equals(node)).findFirst().map(NodeView::box).orElseThrow();
    }

    private void drawNode(NodeView n) {
        Label name = new Label(n.name());
        name.getStyleClass().add(NODE_NAME);
        Label detail = new Label(n.detail());
        detail.getStyleClass().add(NODE_DETAIL);
        VBox box = new VBox(name, detail);
        box.setId("wf-node-" + n.name());
        box.getStyleClass().add(NODE);
        if (n.state() != null) {
            box.getStyleClass().add(ConsoleStyles.stateClass(n.state()));
        }
        mark(box.getStyleClass(), n.onCycle(), n.selected());
        if (n.invalid()) {
            box.getStyleClass().add(INVALID);
        }
        Box b = n.box();
        box.relocate(b.x(), b.y());
        box.setPrefSize(b.width(), b.height());
        box.setMinSize(b.width(), b.height());
        box.setMaxSize(b.width(), b.height());
        Tooltip.install(box, new Tooltip(n.name() + "\n" + n.detail()));
        box.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                onSelect.accept(Selection.node(n.name()));
                e.consume();
            }
        });
        getChildren().add(box);
    }

    private void drawEdge(EdgeView e, Box upstream) {
        Route route = e.route();
        Path line = route.selfLoop() ? loop(upstream) : curve(route.points(), route.reversed());
        Point[] tip = route.selfLoop() ? loopTip(upstream) : tip(route.points(), route.reversed());
        Path hit = route.selfLoop() ? loop(upstream) : curve(route.points(), route.reversed());
        Polygon arrow = arrow(tip[0], tip[1]);

        line.getStyleClass().add(EDGE);
        arrow.getStyleClass().add(ARROW);
        hit.getStyleClass().add(EDGE_HIT);
        if (e.policy() == OnUpstreamFailure.RUN) {
            line.getStyleClass().add(RUN_ANYWAY);
        }
        for (var classes : List.of(line.getStyleClass(), arrow.getStyleClass())) {
            mark(classes, e.onCycle(), e.selected());
        }
        String id = "wf-edge-" + e.edge().upstream() + "-" + e.edge().downstream();
        hit.setId(id);
        line.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        Tooltip.install(hit, new Tooltip(e.edge() + ": " + WorkflowFormat.policy(e.policy()).toLowerCase()
                + " if " + e.edge().upstream() + " fails"));
        hit.setOnMouseClicked(ev -> {
            if (ev.getButton() == MouseButton.PRIMARY) {
                onSelect.accept(Selection.edge(e.edge()));
                ev.consume();
            }
        });
        getChildren().addAll(line, arrow, hit);
    }

    private static void mark(List<String> classes, boolean onCycle, boolean selected) {
        if (onCycle) {
            classes.add(ON_CYCLE);
        }
        if (selected) {
            classes.add(SELECTED);
        }
    }

    /**
     * A smooth curve through the route's points. Forward edges leave and arrive horizontally; edges
     * closing a cycle leave downwards from the bottom of their box and arrive upwards, dipping below.
     */
    private static Path curve(List<Point> points, boolean reversed) {
        Path path = new Path();
        Point first = points.get(0);
        path.getElements().add(new MoveTo(first.x(), first.y()));
        int last = points.size() - 1;
        for (int i = 0; i < last; i++) {
            Point p = points.get(i);
            Point q = points.get(i + 1);
            double k = Math.max(BEND, Math.abs(q.x() - p.x()) / 2);
            double[] out = direction(i, last, reversed);
            double[] in = direction(i + 1, last, reversed);
            double kOut = reversed && i == 0 ? BEND : k;
            double kIn = reversed && i + 1 == last ? BEND : k;
            path.getElements().add(new CubicCurveTo(p.x() + out[0] * kOut, p.y() + out[1] * kOut,
                    q.x() - in[0] * kIn, q.y() - in[1] * kIn, q.x(), q.y()));
        }
        return path;
    }

    /** The direction a curve travels at its {@code i}-th point. */
    private static double[] direction(int i, int last, boolean reversed) {
        if (!reversed) {
            return new double[] {1, 0};
        }
        if (i == 0) {
            return new double[] {0, 1};
        }
        return i == last ? new double[] {0, -1} : new double[] {-1, 0};
    }

    /** Where the arrowhead goes and the direction it points. */
    private static Point[] tip(List<Point> points, boolean reversed) {
        Point end = points.get(points.size() - 1);
        Point dir = reversed ? new Point(0, -1) : new Point(1, 0);
        return new Point[] {end, dir};
    }

    /** A loop from the top of a box round to its right side. */
    private static Path loop(Box b) {
        Path path = new Path();
        double sx = b.x() + b.width() * 0.72;
        double ey = b.y() + b.height() * 0.3;
        path.getElements().addAll(new MoveTo(sx, b.y()),
                new CubicCurveTo(sx, b.y() - BEND, b.x() + b.width() + BEND, ey, b.x() + b.width(), ey));
        return path;
    }

    private static Point[] loopTip(Box b) {
        return new Point[] {new Point(b.x() + b.width(), b.y() + b.height() * 0.3), new Point(-1, 0)};
    }

    private static Polygon arrow(Point tip, Point dir) {
        double bx = tip.x() - dir.x() * ARROW_LENGTH;
        double by = tip.y() - dir.y() * ARROW_LENGTH;
        double nx = -dir.y() * ARROW_HALF_WIDTH;
        double ny = dir.x() * ARROW_HALF_WIDTH;
        return new Polygon(tip.x(), tip.y(), bx + nx, by + ny, bx - nx, by - ny);
    }
}
