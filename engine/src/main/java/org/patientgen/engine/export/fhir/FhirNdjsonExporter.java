package org.patientgen.engine.export.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.PatientRecord;

/**
 * FHIR R4 bulk-data export: one NDJSON file per resource type ({@code fhir/Patient.ndjson},
 * {@code fhir/Observation.ndjson}, …), one resource per line, with relative references
 * ({@code Patient/<id>}) as a bulk-data client expects.
 *
 * <p>Stateless and thread-safe: every call writes only into its own {@link PatientChunk}.
 */
public final class FhirNdjsonExporter implements Exporter {
    public static final String FORMAT = "fhir-ndjson";

    private static final String PATIENT_PATH = path("Patient");
    /** File paths parallel to {@link FhirResourceWriter#ENTRY_TYPES}, built once. */
    private static final List<String> ENTRY_PATHS = FhirResourceWriter.ENTRY_TYPES.stream()
            .map(t -> path(t.name()))
            .toList();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(PatientRecord patient, PatientChunk chunk) throws IOException {
        FhirResourceWriter resources = new FhirResourceWriter(patient);
        try (JsonGenerator g = resources.open(chunk.append(this, PATIENT_PATH), ReferenceStyle.RELATIVE)) {
            resources.writePatient();
            g.writeRaw('\n');
        }
        chunk.count("Patient", 1);
        List<FhirResourceWriter.EntryResourceType> types = FhirResourceWriter.ENTRY_TYPES;
        for (int i = 0; i < types.size(); i++) {
            List<? extends Entry> entries = types.get(i).entries().apply(patient);
            if (entries.isEmpty()) {
                // No append: a type nobody has must not produce an empty file.
                continue;
            }
            try (JsonGenerator g = resources.open(chunk.append(this, ENTRY_PATHS.get(i)), ReferenceStyle.RELATIVE)) {
                for (Entry entry : entries) {
                    resources.writeEntry(entry);
                    g.writeRaw('\n');
                }
            }
            chunk.count(types.get(i).name(), entries.size());
        }
    }

    private static String path(String resourceType) {
        return "fhir/" + resourceType + ".ndjson";
    }
}
