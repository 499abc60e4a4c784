package org.patientgen.engine.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.BatchItemResult;
import org.patientgen.engine.api.BatchItemResult.Outcome;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.wire.BatchRequest;
import org.patientgen.engine.wire.BatchResponse;

class BatchesTest {
    private static final List<Long> IDS = LongStream.rangeClosed(1, 2_500).boxed().toList();

    private static BatchResponse cancelled(BatchRequest request) {
        List<BatchItemResult> results = new ArrayList<>();
        for (int i = 0; i < request.ids().size(); i++) {
            results.add(new BatchItemResult(i, request.ids().get(i), Outcome.OK, "cancelled"));
        }
        return BatchResponse.of(request.action(), results);
    }

    @Test
    void splitsIntoBatchesTheServerAcceptsAndNumbersResultsOverTheWholeList() {
        List<Integer> sizes = new ArrayList<>();
        List<BatchItemResult> results = Batches.send(IDS, part -> BatchRequest.of(BatchRequest.Action.CANCEL, part,
                "why", null), request -> {
                    sizes.add(request.ids().size());
                    return cancelled(request);
                });
        assertThat(sizes).containsExactly(1_000, 1_000, 500);
        assertThat(results).hasSize(2_500);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).index()).isEqualTo(i);
            assertThat(results.get(i).jobId()).isEqualTo(i + 1L);
        }
    }

    @Test
    void aLaterPartThatFailsReportsItsItemsFailedButAFailedFirstPartThrows() {
        List<BatchItemResult> results = Batches.send(IDS, part -> BatchRequest.of(BatchRequest.Action.CANCEL, part,
                "", null), request -> {
                    if (request.ids().get(0) > 1_000) {
                        throw new PatientGenException(ErrorKind.UNAVAILABLE, "the server went away");
                    }
                    return cancelled(request);
                });
        assertThat(results).hasSize(2_500);
        assertThat(results.subList(0, 1_000)).allMatch(BatchItemResult::ok);
        assertThat(results.subList(1_000, 2_500)).allMatch(r -> r.outcome() == Outcome.UNAVAILABLE
                && r.message().equals("the server went away") && r.jobId() == null);
        assertThat(results.get(2_499).index()).isEqualTo(2_499);

        assertThatThrownBy(() -> Batches.send(IDS, part -> BatchRequest.of(BatchRequest.Action.CANCEL, part, "", null),
                request -> {
                    throw new PatientGenException(ErrorKind.FORBIDDEN, "operators only");
                })).isInstanceOf(PatientGenException.class).hasMessage("operators only");
        assertThat(Batches.send(List.<Long>of(), part -> BatchRequest.of(BatchRequest.Action.CANCEL, part, "", null),
                request -> {
                    throw new AssertionError("nothing to send");
                })).isEmpty();
    }
}
