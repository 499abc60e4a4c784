package org.patientgen.console.jobs;

import java.util.List;

/**
 * A ready-made set of submit-form values.
 *
 * @param name           shown in the preset list
 * @param population     patients
 * @param shardSize      patients per shard
 * @param formats        export formats
 * @param yearsOfHistory years of records kept
 */
public record JobPreset(String name, long population, int shardSize, List<String> formats, int yearsOfHistory) {
    /** The presets offered, smallest first. */
    public static final List<JobPreset> ALL = List.of(
            new JobPreset("Quick test 100", 100, 100, List.of(SubmitJobViewModel.FHIR_NDJSON), 10),
            new JobPreset("Cohort 10k", 10_000, 1_000, List.of(SubmitJobViewModel.FHIR_NDJSON, SubmitJobViewModel.CSV), 10),
            new JobPreset("Population 1M", 1_000_000, 10_000, List.of(SubmitJobViewModel.FHIR_NDJSON), 10));

    public JobPreset {
        formats = List.copyOf(formats);
    }

    @Override
    public String toString() {
        return name;
    }
}
