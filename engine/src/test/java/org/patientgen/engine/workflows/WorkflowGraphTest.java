package org.patientgen.engine.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patientgen.engine.workflows.Flows.edge;
import static org.patientgen.engine.workflows.Flows.flow;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;

/** DAG checks and ordering; definition checks of the api record. */
class WorkflowGraphTest {

    @Test
    void aCycleIsRefusedNamingIt() {
        WorkflowDefinition etl = flow("etl", List.of("A", "B", "C"), edge("A", "B"), edge("B", "C"), edge("C", "A"));
        assertThatThrownBy(() -> WorkflowGraph.of(etl))
                .isInstanceOfSatisfying(WorkflowCycleException.class,
                        e -> assertThat(e.cycle()).containsExactly("A", "B", "C", "A"))
                .hasMessage("workflow 'etl' has a cycle: A → B → C → A; remove or reverse one of these edges so that"
                        + " no node depends on itself");
    }

    @Test
    void theCycleNamedIsOnlyTheLoopNotTheWayIn() {
        WorkflowDefinition d = flow("etl", List.of("start", "load", "clean", "merge", "report"),
                edge("start", "load"), edge("load", "clean"), edge("clean", "merge"), edge("merge", "load"),
                edge("merge", "report"));
        assertThatThrownBy(() -> WorkflowGraph.of(d)).isInstanceOfSatisfying(WorkflowCycleException.class,
                e -> assertThat(e.cycle()).containsExactly("load", "clean", "merge", "load"));
    }

    @Test
    void selfLoopsAndTwoNodeLoopsAreCycles() {
        assertThatThrownBy(() -> WorkflowGraph.of(flow("w", List.of("A"), edge("A", "A"))))
                .hasMessageContaining("cycle: A → A;");
        assertThatThrownBy(() -> WorkflowGraph.of(flow("w", List.of("x", "A", "B"), edge("x", "A"), edge("B", "A"),
                edge("A", "B")))).hasMessageContaining("cycle: A → B → A;");
    }

    @Test
    void aDiamondIsOrderedUpstreamFirstAndStably() {
        WorkflowGraph graph = WorkflowGraph.of(flow("w", List.of("D", "C", "B", "A"),
                edge("A", "B"), edge("A", "C"), edge("B", "D"), edge("C", "D")));
        assertThat(graph.topologicalOrder()).extracting(WorkflowNode::name).containsExactly("A", "C", "B", "D");
        assertThat(graph.hasUpstream("A")).isFalse();
        assertThat(graph.hasUpstream("D")).isTrue();
    }

    @Test
    void aLongChainIsNoProblem() {
        List<String> nodes = new ArrayList<>();
        List<WorkflowEdge> edges = new ArrayList<>();
        for (int i = 0; i < WorkflowDefinition.MAX_NODES; i++) {
            nodes.add("n" + i);
            if (i > 0) {
                edges.add(edge("n" + (i - 1), "n" + i));
            }
        }
        WorkflowGraph graph = WorkflowGraph.of(flow("long", nodes, edges.toArray(WorkflowEdge[]::new)));
        assertThat(graph.topologicalOrder()).extracting(WorkflowNode::name).containsExactlyElementsOf(nodes);
    }

    @Test
    void definitionsRefuseUnknownNodesDuplicateNamesAndRepeatedEdges() {
        assertThatThrownBy(() -> flow("w", List.of("A", "B"), edge("A", "C")))
                .hasMessage("edge A → C names node 'C', which is not in the workflow [A, B]");
        assertThatThrownBy(() -> flow("w", List.of("A", "A")))
                .hasMessage("workflow node name 'A' is used twice");
        assertThatThrownBy(() -> flow("w", List.of("A", "B"), edge("A", "B"), edge("A", "B")))
                .hasMessage("edge A → B is listed twice");
        assertThatThrownBy(() -> flow("w", List.of()))
                .hasMessage("a workflow needs 1 to 1000 nodes, had 0");
        assertThatThrownBy(() -> new WorkflowNode("has space", Flows.job("x")))
                .hasMessageContaining("must be 1 to 100 letters, digits");
    }
}
