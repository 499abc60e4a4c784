package org.patientgen.engine.workflows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.api.WorkflowDefinition;
import org.patientgen.engine.api.WorkflowEdge;
import org.patientgen.engine.api.WorkflowNode;

/** Workflow definitions for tests: one-shard jobs named after their nodes. */
final class Flows {
    private Flows() {
    }

    /** A one-shard job without retries: its first failure fails it. */
    static JobSubmission job(String node) {
        GenerationSpec spec = new GenerationSpec(10, node.hashCode(), "MA", LocalDate.of(2025, 12, 31), 5,
                List.of("csv"), "", "/out/" + node, 10);
        return new JobSubmission(spec, 0, "alice", Map.of("step", node), RetryPolicy.noRetry());
    }

    /** A workflow of the named nodes with these edges. */
    static WorkflowDefinition flow(String name, List<String> nodes, WorkflowEdge... edges) {
        List<WorkflowNode> list = new ArrayList<>();
        for (String node : nodes) {
            list.add(new WorkflowNode(node, job(node)));
        }
        return new WorkflowDefinition(name, list, List.of(edges));
    }

    static WorkflowEdge edge(String upstream, String downstream) {
        return WorkflowEdge.of(upstream, downstream);
    }

    /** A → B, A → C, B → D, C → D. */
    static WorkflowDefinition diamond(String name) {
        return flow(name, List.of("A", "B", "C", "D"), edge("A", "B"), edge("A", "C"), edge("B", "D"), edge("C", "D"));
    }
}
