package org.patientgen.console.jobs;

import java.util.List;
import org.patientgen.engine.api.BatchItemResult;

/**
 * What a bulk action did, item by item, as the results panel shows it.
 *
 * @param action  what was done, e.g. {@code Cancel}
 * @param results one result per job, in request order
 */
public record BulkOutcome(String action, List<BatchItemResult> results) {
    public BulkOutcome {
        results = List.copyOf(results);
    }

    /** Items that succeeded. */
    public long succeeded() {
        return results.stream().filter(BatchItemResult::ok).count();
    }

    /** E.g. {@code Cancel: 2 done, 1 failed}. */
    public String summary() {
        long ok = succeeded();
        long failed = results.size() - ok;
        return action + ": " + ok + " done" + (failed == 0 ? "" : ", " + failed + " failed");
    }

    /** Whether every item succeeded. */
    public boolean allSucceeded() {
        return succeeded() == results.size();
    }

    /** One line per item, e.g. {@code Job 7: job 7 cancelled} or {@code Job 8 (conflict): …}. */
    public List<String> lines() {
        return results.stream().map(r -> "Job " + r.jobId()
                + (r.ok() ? "" : " (" + r.outcome().name().toLowerCase().replace('_', ' ') + ")") + ": " + r.message())
                .toList();
    }
}
