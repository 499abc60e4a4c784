package org.patientgen.engine.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a job generates: the parameters of {@code patientgen generate} plus how to split the work.
 *
 * <p>The end date is fixed at submission (not "today" when a shard runs), so a shard retried on a
 * later day produces the same patients.
 *
 * @param population     patients to simulate in total
 * @param seed           population seed; with the other fields it determines every patient
 * @param state          US state (USPS code or name) whose census figures are used
 * @param endDate        last simulated day
 * @param yearsOfHistory years of records kept before the end date (0 = whole lifetime)
 * @param formats        export format names, e.g. {@code fhir-ndjson}, {@code csv}
 * @param modules        extra module directory or jar, or empty for the built-in modules only
 * @param output         where the job's output goes (a directory path or URI)
 * @param shardSize      patients per shard; the last shard takes the remainder
 */
public record GenerationSpec(long population, long seed, String state, LocalDate endDate, int yearsOfHistory,
                             List<String> formats, String modules, String output, int shardSize) {
    /** Largest shard; keeps a shard's work (and a lost lease's rework) bounded. */
    public static final int MAX_SHARD_SIZE = 1_000_000;

    public GenerationSpec {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(output, "output");
        modules = modules == null ? "" : modules;
        formats = formats.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).filter(f -> !f.isEmpty())
                .distinct().toList();
        if (population < 1) {
            throw new IllegalArgumentException("population must be at least 1, was " + population);
        }
        if (state.isBlank()) {
            throw new IllegalArgumentException("state must name a US state, e.g. MA");
        }
        if (yearsOfHistory < 0 || yearsOfHistory > 120) {
            throw new IllegalArgumentException("years of history must be between 0 (whole lifetime) and 120, was "
                    + yearsOfHistory);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one output format is needed, e.g. fhir-ndjson");
        }
        if (output.isBlank()) {
            throw new IllegalArgumentException("output location must not be empty");
        }
        if (shardSize < 1 || shardSize > MAX_SHARD_SIZE) {
            throw new IllegalArgumentException("shard size must be between 1 and " + MAX_SHARD_SIZE + ", was "
                    + shardSize);
        }
    }

    /** Number of shards the population splits into. */
    public int shardCount() {
        return Math.toIntExact((population + shardSize - 1) / shardSize);
    }
}
