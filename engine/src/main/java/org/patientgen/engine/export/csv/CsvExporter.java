package org.patientgen.engine.export.csv;

import java.io.IOException;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;

public final class CsvExporter implements Exporter {
    public static final String FORMAT = "csv";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(PatientRecord patient, PatientChunk chunk) throws IOException {
        throw new IOException("not yet written");
    }
}
