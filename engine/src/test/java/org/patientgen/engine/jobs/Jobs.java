package org.patientgen.engine.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;

/** Job submissions for tests. */
final class Jobs {
    private Jobs() {
    }

    static JobSubmission job(long population, int shardSize, int priority) {
        GenerationSpec spec = new GenerationSpec(population, 42, "MA", LocalDate.of(2025, 12, 31), 10,
                List.of("fhir-ndjson", "csv"), "", "/tmp/out", shardSize);
        return new JobSubmission(spec, priority, "alice", Map.of("team", "cardio"));
    }
}
