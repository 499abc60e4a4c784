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

    /**
     * One line per item: the engine's message when it names the job ({@code Job 7 cancelled}), else
     * the job and the message ({@code Job 8 (conflict): it has ended}).
     */
    public List<String> lines() {
        return results.stream().map(BulkOutcome::line).toList();
    }

    private static String line(BatchItemResult r) {
        String message = r.message();
        if (r.ok() && r.jobId() != null && message.toLowerCase().startsWith("job " + r.jobId() + " ")) {
            return Character.toUpperCase(message.charAt(0)) + message.substring(1);
        }
        return "Job " + r.jobId() + (r.ok() ? "" : " (" + r.outcome().name().toLowerCase().replace('_', ' ') + ")")
                + ": " + message;
    }
}
