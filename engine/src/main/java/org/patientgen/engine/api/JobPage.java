package org.patientgen.engine.api;

import java.util.List;

/**
 * One page of a job listing.
 *
 * @param jobs       the jobs, newest first
 * @param nextCursor pass it as {@link JobQuery#cursor()} for the next page; {@code null} on the last page
 */
public record JobPage(List<Job> jobs, String nextCursor) {
    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
