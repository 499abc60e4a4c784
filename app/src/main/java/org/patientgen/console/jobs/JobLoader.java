package org.patientgen.console.jobs;

import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobPage;
import org.patientgen.engine.api.JobProgress;
import org.patientgen.engine.api.JobQuery;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;

/**
 * Reads jobs with their progress for the table. Blocking service calls: run on a background task.
 * Progress (for the started time and rate) is read only for jobs that can have run.
 */
final class JobLoader {
    /** Jobs per page of the table. */
    static final int PAGE = 200;

    /** A job and its progress ({@code null} when it never ran). */
    record Loaded(Job job, JobProgress progress) {
    }

    /** A page of jobs and the cursor of the next, or {@code null}. */
    record Page(List<Loaded> jobs, String nextCursor) {
    }

    /** The page after {@code cursor} ({@code null}: the newest). */
    Page page(PatientGenService service, String cursor) {
        JobPage page = service.jobs(JobQuery.all().withLimit(PAGE).withCursor(cursor));
        List<Loaded> loaded = new ArrayList<>(page.jobs().size());
        for (Job job : page.jobs()) {
            loaded.add(new Loaded(job, progressOf(service, job)));
        }
        return new Page(loaded, page.nextCursor());
    }

    /** The newest {@code count} jobs (or fewer, if there are fewer). */
    Page newest(PatientGenService service, int count) {
        List<Loaded> all = new ArrayList<>();
        String cursor = null;
        do {
            JobPage page = service.jobs(JobQuery.all().withLimit(Math.min(JobQuery.MAX_LIMIT, count - all.size()))
                    .withCursor(cursor));
            for (Job job : page.jobs()) {
                all.add(new Loaded(job, progressOf(service, job)));
            }
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < count);
        return new Page(all, cursor);
    }

    /** These jobs, skipping any that no longer exist. */
    List<Loaded> jobs(PatientGenService service, List<Long> ids) {
        List<Loaded> loaded = new ArrayList<>(ids.size());
        for (long id : ids) {
            try {
                Job job = service.job(id);
                loaded.add(new Loaded(job, progressOf(service, job)));
            } catch (PatientGenException e) {
                if (e.kind() != ErrorKind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return loaded;
    }

    private static JobProgress progressOf(PatientGenService service, Job job) {
        if (job.state() == JobState.QUEUED || job.state() == JobState.WAITING || job.state() == JobState.SKIPPED) {
            return null;
        }
        try {
            return service.progress(job.id());
        } catch (PatientGenException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }
}
