package org.patientgen.engine.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.RetryPolicy;

/**
 * The body of {@code POST /api/v1/jobs} (and of job templates in schedules, workflows and batch
 * submits): a flat job submission in which everything but {@code population} may be left out.
 * The server fills in what is missing (documented defaults: a random seed, MA, 10 years of
 * history, {@code fhir-ndjson}, an output directory under its data directory, today as the end
 * date, 10,000 patients per shard, priority 0) and the owner is always the caller's token name.
 *
 * @param population     patients to generate (required)
 * @param seed           population seed
 * @param state          US state, USPS code or name
 * @param endDate        last simulated day
 * @param yearsOfHistory years of records kept before the end date (0 = whole lifetime)
 * @param formats        export formats, e.g. {@code fhir-ndjson}, {@code csv}
 * @param modules        extra module directory or jar on the server's machine
 * @param output         absolute output directory on the server's machine
 * @param shardSize      patients per shard
 * @param priority       -1000 to 1000, higher first
 * @param labels         free-form key/value tags
 * @param retry          shard attempts and backoff
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobRequest(Long population, Long seed, String state, LocalDate endDate, Integer yearsOfHistory,
                         List<String> formats, String modules, String output, Integer shardSize, Integer priority,
                         Map<String, String> labels, RetryPolicy retry) {

    /** A request for just a population, everything else by default. */
    public static JobRequest ofPopulation(long population) {
        return new JobRequest(population, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The request that reproduces a submission exactly (its owner is replaced by the caller's name). */
    public static JobRequest of(JobSubmission submission) {
        GenerationSpec s = submission.spec();
        return new JobRequest(s.population(), s.seed(), s.state(), s.endDate(), s.yearsOfHistory(), s.formats(),
                s.modules().isEmpty() ? null : s.modules(), s.output(), s.shardSize(), submission.priority(),
                submission.labels(), submission.retry());
    }
}
