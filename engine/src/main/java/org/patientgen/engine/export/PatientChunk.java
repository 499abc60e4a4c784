package org.patientgen.engine.export;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The serialized output of one patient across all export stages: bytes to append to shared files
 * (NDJSON, CSV) and whole files of its own (a per-patient Bundle), plus resource counts for the
 * manifest. Filled on a worker thread, then drained by the single output writer.
 */
public final class PatientChunk {
    private final long patientIndex;
    private final Map<String, Appended> appends = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Long> resourceCounts = new TreeMap<>();

    /** Bytes for one shared file, and the exporter that owns that file (for its header). */
    public record Appended(Exporter owner, ByteArrayOutputStream bytes) {
    }

    public PatientChunk(long patientIndex) {
        this.patientIndex = patientIndex;
    }

    public long patientIndex() {
        return patientIndex;
    }

    /**
     * The buffer to append this patient's bytes for a shared file, e.g. {@code fhir/Patient.ndjson}.
     * The owner's {@link Exporter#fileHeader} is written once when the file is created.
     */
    public ByteArrayOutputStream append(Exporter owner, String relativePath) {
        return appends.computeIfAbsent(relativePath, p -> new Appended(owner, new ByteArrayOutputStream(1024)))
                .bytes();
    }

    /** A whole file belonging to this patient alone, e.g. its transaction Bundle. */
    public void file(String relativePath, byte[] content) {
        if (files.putIfAbsent(relativePath, content) != null) {
            throw new IllegalStateException("file written twice for patient " + patientIndex + ": " + relativePath);
        }
    }

    /** Counts resources of a FHIR type (or CSV rows of a table) written for the manifest. */
    public void count(String resourceType, long n) {
        if (n != 0) {
            resourceCounts.merge(resourceType, n, Long::sum);
        }
    }

    public Map<String, Appended> appends() {
        return appends;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public Map<String, Long> resourceCounts() {
        return resourceCounts;
    }
}
