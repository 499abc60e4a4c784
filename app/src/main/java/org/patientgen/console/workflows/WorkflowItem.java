package org.patientgen.console.workflows;

import java.time.Instant;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.Workflow;

/**
 * A submitted workflow in the recent list.
 *
 * @param id        the workflow
 * @param name      its name
 * @param owner     who submitted it
 * @param createdAt when
 * @param state     its overall state ({@link WorkflowFormat#overall})
 * @param progress  e.g. {@code 1 of 2 jobs succeeded}
 */
public record WorkflowItem(long id, String name, String owner, Instant createdAt, JobState state, String progress) {
    static WorkflowItem of(Workflow w) {
        return new WorkflowItem(w.id(), w.name(), w.owner(), w.createdAt(), WorkflowFormat.overall(w),
                WorkflowFormat.progress(w));
    }
}
