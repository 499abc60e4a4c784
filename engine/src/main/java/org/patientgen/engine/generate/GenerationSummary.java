package org.patientgen.engine.generate;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a generation run produced.
 *
 * @param counts FHIR resources by type, bundles ("Bundle"), and CSV rows by file ("csv/…")
 */
public record GenerationSummary(Path output, long patients, long alive, long dead, Map<String, Long> counts,
                                long bytes, long elapsedMillis) {

    /** FHIR resources written as NDJSON (resource types only, not bundles or CSV rows). */
    public long fhirResources() {
        long n = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!e.getKey().contains("/") && !e.getKey().equals("Bundle")) {
                n += e.getValue();
            }
        }
        return n;
    }

    public double patientsPerSecond() {
        return elapsedMillis == 0 ? 0 : patients * 1000.0 / elapsedMillis;
    }
}
