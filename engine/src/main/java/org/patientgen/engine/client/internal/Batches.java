package org.patientgen.engine.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.wire.BatchRequest;
import org.patientgen.engine.wire.BatchResponse;

/**
 * Sends a batch call of any size as batches the server accepts ({@link BatchRequest#MAX_ITEMS}
 * items each) and answers as if it had been one: results in the caller's order, numbered from 0
 * over the whole list.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * The results of every item.
     *
     * @param request builds the request of one part
     * @param call    sends it
     * @throws PatientGenException if the first part fails as a whole (nothing was done); a later part
     *                             that fails as a whole has its items reported failed instead, since
     *                             earlier parts were already done
     */
    public static <T> List<BatchItemResult> send(List<T> items, Function<List<T>, BatchRequest> request,
                                                 Function<BatchRequest, BatchResponse> call) {
        List<BatchItemResult> results = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BatchRequest.MAX_ITEMS) {
            List<T> part = items.subList(from, Math.min(items.size(), from + BatchRequest.MAX_ITEMS));
            try {
                for (BatchItemResult r : call.apply(request.apply(part)).results()) {
                    results.add(new BatchItemResult(from + r.index(), r.jobId(), r.outcome(), r.message()));
                }
            } catch (PatientGenException e) {
                if (from == 0) {
                    throw e;
                }
                for (int i = 0; i < part.size(); i++) {
                    results.add(new BatchItemResult(from + i, null, BatchItemResult.Outcome.of(e.kind()),
                            e.getMessage()));
                }
            }
        }
        return results;
    }
}
