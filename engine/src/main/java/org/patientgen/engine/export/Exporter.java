package org.patientgen.engine.export;

import java.io.IOException;
import org.patientgen.engine.model.PatientRecord;

/**
 * One export stage (FHIR bulk NDJSON, FHIR Bundles, CSV, …). Stages are registered in
 * {@link ExportFormats}, selected by {@link #format()} name, and fed every patient in index
 * order-independent fashion: {@link #write} runs concurrently on worker threads and only fills a
 * {@link PatientChunk}; the single output writer appends chunks to files in patient-index order,
 * which is what keeps output byte-identical whatever the thread count.
 *
 * <p>Implementations must be stateless (or hold only immutable state) so that {@code write} is
 * thread-safe and its bytes depend on the patient alone.
 */
public interface Exporter {

    /** The format name users type, e.g. {@code fhir-ndjson}. */
    String format();

    /**
     * Bytes each file of this format starts with (e.g. a CSV header row), called once per file the
     * first time a chunk appends to it. Return null for none.
     */
    default byte[] fileHeader(String relativePath) {
        return null;
    }

    /** Serializes one patient into {@code chunk}. Called concurrently; must not touch shared state. */
    void write(PatientRecord patient, PatientChunk chunk) throws IOException;
}
