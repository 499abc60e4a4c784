package org.patientgen.console.workflows;

import java.util.List;
import java.util.Locale;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.OnUpstreamFailure;
import org.patientgen.engine.api.Workflow;
import org.patientgen.engine.api.WorkflowJob;

/** How the workflows screen writes policies and states. */
public final class WorkflowFormat {
    private WorkflowFormat() {
    }

    /** A policy's name in a list. */
    public static String policy(OnUpstreamFailure policy) {
        return policy == OnUpstreamFailure.RUN ? "Run anyway" : "Skip downstream";
    }

    /** What a policy does on an edge, in one sentence. */
    public static String policyExplanation(OnUpstreamFailure policy, String upstream, String downstream) {
        return policy == OnUpstreamFailure.RUN
                ? downstream + " runs once " + upstream + " has ended, however it ended (e.g. a clean-up step)."
                : "If " + upstream + " does not succeed (it fails, is cancelled or skipped), " + downstream
                        + " is skipped, and so is everything after it.";
    }

    /** A state as a badge says it. */
    public static String state(JobState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A submitted workflow's state as one job state: running while any job runs or is queued,
     * waiting while jobs only wait, else how it ended — failed, cancelled or skipped if any job did,
     * succeeded if all did.
     */
    public static JobState overall(Workflow workflow) {
        List<JobState> states = workflow.jobs().stream().map(WorkflowJob::state).toList();
        for (JobState s : List.of(JobState.RUNNING, JobState.QUEUED, JobState.WAITING, JobState.FAILED,
                JobState.CANCELLED, JobState.SKIPPED)) {
            if (states.contains(s)) {
                return s == JobState.QUEUED && states.stream().anyMatch(JobState::isTerminal) ? JobState.RUNNING : s;
            }
        }
        return JobState.SUCCEEDED;
    }

    /** {@code 2 of 3 jobs succeeded}. */
    public static String progress(Workflow workflow) {
        long done = workflow.jobs().stream().filter(j -> j.state() == JobState.SUCCEEDED).count();
        int all = workflow.jobs().size();
        return done + " of " + all + (all == 1 ? " job" : " jobs") + " succeeded";
    }
}
