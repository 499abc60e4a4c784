package org.patientgen.engine.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.patientgen.engine.export.csv.CsvExporter;
import org.patientgen.engine.export.fhir.FhirBundleExporter;
import org.patientgen.engine.export.fhir.FhirNdjsonExporter;

/** The registry of export stages, by the format name users type. */
public final class ExportFormats {
    private static final Map<String, Supplier<Exporter>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(FhirNdjsonExporter.FORMAT, FhirNdjsonExporter::new);
        REGISTRY.put(FhirBundleExporter.FORMAT, FhirBundleExporter::new);
        REGISTRY.put(CsvExporter.FORMAT, CsvExporter::new);
    }

    private ExportFormats() {
    }

    /** All format names, in registration order. */
    public static Collection<String> names() {
        return REGISTRY.keySet();
    }

    /**
     * Resolves a comma-separated list such as {@code fhir-ndjson,csv}.
     *
     * @throws IllegalArgumentException naming the unknown format and the valid ones
     */
    public static List<Exporter> parse(String commaSeparated) {
        List<Exporter> result = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Supplier<Exporter> supplier = REGISTRY.get(name);
            if (supplier == null) {
                throw new IllegalArgumentException("unknown format '" + raw.trim() + "'; valid formats: "
                        + String.join(", ", REGISTRY.keySet()));
            }
            if (result.stream().noneMatch(e -> e.format().equals(name))) {
                result.add(supplier.get());
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no output format given; valid formats: "
                    + String.join(", ", REGISTRY.keySet()));
        }
        return result;
    }
}
