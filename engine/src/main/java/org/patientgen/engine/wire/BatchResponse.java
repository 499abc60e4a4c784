package org.patientgen.engine.wire;

import java.util.List;
import org.patientgen.engine.api.BatchItemResult;

/**
 * What a batch did, item by item in request order.
 *
 * @param action    the batch's action
 * @param succeeded items that succeeded
 * @param failed    items that failed
 * @param results   one result per item
 */
public record BatchResponse(BatchRequest.Action action, int succeeded, int failed, List<BatchItemResult> results) {
    public BatchResponse {
        results = List.copyOf(results);
    }

    /** The response for these results. */
    public static BatchResponse of(BatchRequest.Action action, List<BatchItemResult> results) {
        int ok = (int) results.stream().filter(BatchItemResult::ok).count();
        return new BatchResponse(action, ok, results.size() - ok, results);
    }
}
