package org.patientgen.console.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editor's own cycle check: what it highlights before the engine is asked. */
class WorkflowCyclesTest {

    static Dependency e(String up, String down) {
        return new Dependency(up, down);
    }

    @Test
    void aDagHasNone() {
        WorkflowCycles cycles = WorkflowCycles.of(List.of("A", "B", "C", "D"),
                List.of(e("A", "B"), e("A", "C"), e("B", "D"), e("C", "D")));
        assertThat(cycles.isEmpty()).isTrue();
        assertThat(cycles.nodes()).isEmpty();
        assertThat(cycles.describe()).isEmpty();
    }

    @Test
    void aTwoNodeCycleMarksBothEdgesAndNodes() {
        WorkflowCycles cycles = WorkflowCycles.of(List.of("extract", "load"),
                List.of(e("extract", "load"), e("load", "extract")));
        assertThat(cycles.nodes()).containsExactly("extract", "load");
        assertThat(cycles.edges()).containsExactly(e("extract", "load"), e("load", "extract"));
        assertThat(cycles.describe()).isEqualTo("extract → load → extract");
    }

    @Test
    void onlyTheEdgesOnTheCycleAreMarkedNotTheOnesLeadingIntoOrOutOfIt() {
        // start → A → B → C → A, C → end
        WorkflowCycles cycles = WorkflowCycles.of(List.of("start", "A", "B", "C", "end"),
                List.of(e("start", "A"), e("A", "B"), e("B", "C"), e("C", "A"), e("C", "end")));
        assertThat(cycles.nodes()).containsExactly("A", "B", "C");
        assertThat(cycles.edges()).containsExactly(e("A", "B"), e("B", "C"), e("C", "A"));
        assertThat(cycles.example()).containsExactly("A", "B", "C", "A");
    }

    @Test
    void aSelfLoopIsACycleOfOneNode() {
        WorkflowCycles cycles = WorkflowCycles.of(List.of("A", "B"), List.of(e("A", "B"), e("B", "B")));
        assertThat(cycles.nodes()).containsExactly("B");
        assertThat(cycles.edges()).containsExactly(e("B", "B"));
        assertThat(cycles.describe()).isEqualTo("B → B");
    }

    @Test
    void everyCycleIsMarkedAndTheExampleIsAShortestOneThroughTheFirstNodeOnAny() {
        // Two separate cycles; inside the first, a long and a short way back to A.
        WorkflowCycles cycles = WorkflowCycles.of(List.of("A", "B", "C", "D", "X", "Y"),
                List.of(e("A", "B"), e("B", "C"), e("C", "D"), e("D", "A"), e("B", "A"), e("X", "Y"), e("Y", "X")));
        assertThat(cycles.nodes()).containsExactly("A", "B", "C", "D", "X", "Y");
        assertThat(cycles.edges()).hasSize(7);
        assertThat(cycles.example()).containsExactly("A", "B", "A");
    }

    @Test
    void edgesNamingUnknownNodesAreIgnored() {
        assertThat(WorkflowCycles.of(List.of("A"), List.of(e("A", "gone"), e("gone", "A"))).isEmpty()).isTrue();
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        List<String> nodes = new ArrayList<>();
        List<Dependency> edges = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            nodes.add("n" + i);
            if (i > 0) {
                edges.add(e("n" + (i - 1), "n" + i));
            }
        }
        assertThat(WorkflowCycles.of(nodes, edges).isEmpty()).isTrue();
        edges.add(e("n999", "n0"));
        WorkflowCycles cycles = WorkflowCycles.of(nodes, edges);
        assertThat(cycles.nodes()).hasSize(1_000);
        assertThat(cycles.example()).hasSize(1_001);
    }
}
