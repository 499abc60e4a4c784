package org.patientgen.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a generator output's {@code manifest.json} the realism report needs.
 *
 * @param seed           population seed
 * @param population     patients simulated
 * @param state          USPS code of the state whose census was sampled
 * @param endDate        the last simulated day
 * @param yearsOfHistory length of the history window in years; 0 means the whole lifetime
 * @param modules        keys of the modules loaded (top-level and submodules), or {@code null} when the
 *                       manifest does not say
 */
public record PopulationManifest(long seed, long population, String state, LocalDate endDate, int yearsOfHistory,
                                 List<String> modules) {
    public static final String FILE_NAME = "manifest.json";

    public PopulationManifest {
        modules = modules == null ? null : List.copyOf(modules);
    }

    /** First day of the history window, or {@link LocalDate#MIN} for whole-lifetime output. */
    public LocalDate windowStart() {
        return yearsOfHistory == 0 ? LocalDate.MIN : endDate.minusYears(yearsOfHistory);
    }

    /** Reads {@code dir/manifest.json}. */
    public static PopulationManifest read(Path dir) throws ReportInputException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ReportInputException(dir + " has no " + FILE_NAME + "; is it a PatientGen output directory?");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ReportInputException(file + " is not readable JSON: " + e.getMessage(), e);
        }
        try {
            return new PopulationManifest(required(root, "seed", file).asLong(),
                    required(root, "population", file).asLong(), required(root, "state", file).asText(),
                    LocalDate.parse(required(root, "endDate", file).asText()),
                    required(root, "yearsOfHistory", file).asInt(), modules(root));
        } catch (DateTimeParseException e) {
            throw new ReportInputException(file + ": endDate is not a date like 2025-06-30", e);
        }
    }

    private static List<String> modules(JsonNode root) {
        JsonNode list = root.get("modules");
        if (list == null || !list.isArray()) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        list.forEach(n -> keys.add(n.asText()));
        return keys;
    }

    private static JsonNode required(JsonNode root, String field, Path file) throws ReportInputException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new ReportInputException(file + " has no '" + field + "'");
        }
        return n;
    }
}
