package org.patientgen.console.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientgen.console.workflows.LayeredLayout.Box;
import org.patientgen.console.workflows.LayeredLayout.Layout;
import org.patientgen.console.workflows.LayeredLayout.Point;
import org.patientgen.console.workflows.LayeredLayout.Route;
import org.patientgen.console.workflows.LayeredLayout.Spacing;

/** The workflow diagram's layered layout. */
class LayeredLayoutTest {
    static final Spacing SPACING = new Spacing(100, 40, 60, 20, 10);

    static Dependency e(String up, String down) {
        return new Dependency(up, down);
    }

    static Layout layout(List<String> nodes, List<Dependency> edges) {
        return LayeredLayout.of(nodes, edges, SPACING);
    }

    @Test
    void aChainGoesLeftToRightOneColumnPerStep() {
        Layout l = layout(List.of("extract", "transform", "load"), List.of(e("extract", "transform"), e("transform", "load")));
        assertThat(l.boxes().values()).extracting(Box::layer).containsExactly(0, 1, 2);
        assertThat(l.boxes().get("extract").x()).isEqualTo(10);
        assertThat(l.boxes().get("transform").x()).isEqualTo(10 + 160);
        assertThat(l.boxes().get("load").y()).isEqualTo(10);
        assertThat(l.width()).isEqualTo(10 + 3 * 100 + 2 * 60 + 10);
        assertThat(l.height()).isEqualTo(10 + 40 + 10);
        Route first = l.routes().get(0);
        assertThat(first.points()).containsExactly(new Point(110, 30), new Point(170, 30));
        assertThat(first.reversed()).isFalse();
    }

    @Test
    void aNodeSitsRightOfEverythingItWaitsFor() {
        // A → B → C and A → C: C is in column 2, not 1.
        Layout l = layout(List.of("A", "B", "C"), List.of(e("A", "B"), e("B", "C"), e("A", "C")));
        assertThat(l.boxes().get("C").layer()).isEqualTo(2);
        // The long edge A → C passes a waypoint in column 1, beside B rather than through it.
        Route longEdge = l.routes().get(2);
        assertThat(longEdge.points()).hasSize(3);
        Point waypoint = longEdge.points().get(1);
        Box b = l.boxes().get("B");
        assertThat(waypoint.x()).isEqualTo(b.x() + b.width() / 2);
        assertThat(waypoint.y() < b.y() || waypoint.y() > b.y() + b.height()).as("waypoint beside B").isTrue();
    }

    @Test
    void independentNodesShareAColumnAndColumnsAreCentred() {
        Layout l = layout(List.of("A", "B", "C", "D"), List.of(e("A", "B"), e("A", "C"), e("B", "D"), e("C", "D")));
        Map<String, Box> boxes = l.boxes();
        assertThat(boxes.get("B").layer()).isEqualTo(1);
        assertThat(boxes.get("C").layer()).isEqualTo(1);
        assertThat(boxes.get("B").row()).isNotEqualTo(boxes.get("C").row());
        // A and D are alone in their columns: centred against the two rows of column 1.
        double middle = (boxes.get("B").y() + boxes.get("C").y()) / 2;
        assertThat(boxes.get("A").y()).isEqualTo(middle);
        assertThat(boxes.get("D").y()).isEqualTo(middle);
        assertThat(l.crossings()).isZero();
    }

    @Test
    void orderingRemovesCrossingsThatDraftOrderWouldHave() {
        // Draft order puts x over y but x's upstream below y's: draft order crosses once.
        Layout l = layout(List.of("a", "b", "y", "x"), List.of(e("a", "y"), e("b", "x")));
        assertThat(l.crossings()).isZero();
        assertThat(l.boxes().get("y").row()).isEqualTo(l.boxes().get("a").row());
        assertThat(l.boxes().get("x").row()).isEqualTo(l.boxes().get("b").row());
    }

    @Test
    void aCycleIsLaidOutWithItsClosingEdgeReversedAlongTheBottom() {
        Layout l = layout(List.of("A", "B", "C"), List.of(e("A", "B"), e("B", "C"), e("C", "A")));
        assertThat(l.boxes().values()).extracting(Box::layer).containsExactly(0, 1, 2);
        Route closing = l.routes().get(2);
        assertThat(closing.reversed()).isTrue();
        Box a = l.boxes().get("A");
        Box c = l.boxes().get("C");
        // Leaves C and arrives at A on their bottom sides, through a waypoint in B's column.
        assertThat(closing.points().get(0)).isEqualTo(c.bottom());
        assertThat(closing.points().get(closing.points().size() - 1)).isEqualTo(a.bottom());
        assertThat(closing.points()).hasSize(3);
    }

    @Test
    void twoNodesDependingOnEachOtherDoNotShareALine() {
        Layout l = layout(List.of("A", "B"), List.of(e("A", "B"), e("B", "A")));
        Route there = l.routes().get(0);
        Route back = l.routes().get(1);
        assertThat(there.reversed()).isFalse();
        assertThat(back.reversed()).isTrue();
        assertThat(back.points()).doesNotContainAnyElementsOf(there.points());
    }

    @Test
    void selfLoopsAreLeftToTheDrawing() {
        Layout l = layout(List.of("A"), List.of(e("A", "A")));
        assertThat(l.routes().get(0).selfLoop()).isTrue();
        assertThat(l.routes().get(0).points()).isEmpty();
        assertThat(l.boxes().get("A").layer()).isZero();
    }

    @Test
    void noNodesNoDrawing() {
        Layout l = layout(List.of(), List.of());
        assertThat(l.boxes()).isEmpty();
        assertThat(l.width()).isZero();
        assertThat(l.height()).isZero();
    }

    @Test
    void boxesNeverOverlap() {
        List<String> nodes = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        List<Dependency> edges = List.of(e("a", "c"), e("b", "c"), e("a", "d"), e("c", "e"), e("d", "e"), e("b", "f"),
                e("f", "g"), e("e", "h"), e("g", "h"), e("a", "h"));
        Layout l = layout(nodes, edges);
        List<Box> boxes = List.copyOf(l.boxes().values());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Box p = boxes.get(i);
                Box q = boxes.get(j);
                boolean apart = p.x() + p.width() <= q.x() || q.x() + q.width() <= p.x()
                        || p.y() + p.height() <= q.y() || q.y() + q.height() <= p.y();
                assertThat(apart).as(p.node() + " and " + q.node()).isTrue();
            }
            assertThat(boxes.get(i).x() + boxes.get(i).width()).isLessThanOrEqualTo(l.width());
            assertThat(boxes.get(i).y() + boxes.get(i).height()).isLessThanOrEqualTo(l.height());
        }
        for (Dependency d : edges) {
            assertThat(l.boxes().get(d.downstream()).layer()).isGreaterThan(l.boxes().get(d.upstream()).layer());
        }
    }
}
