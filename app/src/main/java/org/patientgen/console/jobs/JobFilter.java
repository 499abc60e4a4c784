package org.patientgen.console.jobs;

import java.util.EnumSet;
import java.util.Set;
import org.patientgen.engine.api.JobState;

/** The state filter of the jobs table. */
public enum JobFilter {
    ALL("All states", EnumSet.allOf(JobState.class)),
    ACTIVE("Active (waiting, queued, running)", EnumSet.of(JobState.WAITING, JobState.QUEUED, JobState.RUNNING)),
    WAITING("Waiting", EnumSet.of(JobState.WAITING)),
    QUEUED("Queued", EnumSet.of(JobState.QUEUED)),
    RUNNING("Running", EnumSet.of(JobState.RUNNING)),
    SUCCEEDED("Succeeded", EnumSet.of(JobState.SUCCEEDED)),
    FAILED("Failed", EnumSet.of(JobState.FAILED)),
    CANCELLED("Cancelled", EnumSet.of(JobState.CANCELLED)),
    SKIPPED("Skipped", EnumSet.of(JobState.SKIPPED));

    private final String label;
    private final Set<JobState> states;

    JobFilter(String label, Set<JobState> states) {
        this.label = label;
        this.states = states;
    }

    public boolean matches(JobState state) {
        return states.contains(state);
    }

    @Override
    public String toString() {
        return label;
    }
}
