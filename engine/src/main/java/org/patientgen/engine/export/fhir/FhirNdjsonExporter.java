package org.patientgen.engine.export.fhir;

import java.io.IOException;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;

public final class FhirNdjsonExporter implements Exporter {
    public static final String FORMAT = "fhir-ndjson";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(PatientRecord patient, PatientChunk chunk) throws IOException {
        throw new IOException("not yet written");
    }
}
