package org.patientgen.engine.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One job of a workflow.
 *
 * @param name the node's name within its workflow, used by edges and in messages: 1 to 100
 *             letters, digits, {@code .}, {@code _} or {@code -}
 * @param job  the job it submits
 */
public record WorkflowNode(String name, JobSubmission job) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public WorkflowNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(job, "job");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("workflow node name '" + name
                    + "' must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
    }
}
