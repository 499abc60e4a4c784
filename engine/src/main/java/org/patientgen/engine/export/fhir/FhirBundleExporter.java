package org.patientgen.engine.export.fhir;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.patientgen.engine.export.Exporter;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.PatientRecord;

/**
 * One FHIR R4 transaction Bundle per patient, {@code fhir/bundles/<patient id>.json}. Each entry
 * has fullUrl {@code urn:uuid:<id>} and request {@code PUT <Type>/<id>}; references between
 * entries use the urn:uuid form, so a server loading the Bundle keeps our ids (PUT) and rewrites
 * the references to them in one atomic transaction.
 *
 * <p>Stateless and thread-safe: every call writes only into its own {@link PatientChunk}.
 */
public final class FhirBundleExporter implements Exporter {
    public static final String FORMAT = "fhir-bundle";

    /** Serialized size per resource measured on the samples (~1 KB), to size the buffer once. */
    private static final int BYTES_PER_RESOURCE_ESTIMATE = 1100;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void write(PatientRecord patient, PatientChunk chunk) throws IOException {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(4096 + patient.entryCount() * BYTES_PER_RESOURCE_ESTIMATE);
        FhirResourceWriter resources = new FhirResourceWriter(patient);
        String patientId = patient.demographics().id();
        try (JsonGenerator g = resources.open(out, ReferenceStyle.URN_UUID)) {
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeStringField("type", "transaction");
            g.writeArrayFieldStart("entry");
            startEntry(resources, "Patient", patientId);
            resources.writePatient();
            endEntry(resources, "Patient", patientId);
            for (FhirResourceWriter.EntryResourceType type : FhirResourceWriter.ENTRY_TYPES) {
                for (Entry entry : type.entries().apply(patient)) {
                    startEntry(resources, type.name(), entry.id());
                    resources.writeEntry(entry);
                    endEntry(resources, type.name(), entry.id());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        chunk.file("fhir/bundles/" + patientId + ".json", out.toByteArray());
        chunk.count("Bundle", 1);
    }

    /** Opens an entry and writes its fullUrl; the resource follows as the "resource" member. */
    private static void startEntry(FhirResourceWriter resources, String type, String id) throws IOException {
        FhirElementWriter w = resources.elements();
        w.json().writeStartObject();
        w.json().writeFieldName("fullUrl");
        w.referenceString(ReferenceStyle.URN_UUID, type, id);
        w.json().writeFieldName("resource");
    }

    private static void endEntry(FhirResourceWriter resources, String type, String id) throws IOException {
        FhirElementWriter w = resources.elements();
        JsonGenerator g = w.json();
        g.writeObjectFieldStart("request");
        g.writeStringField("method", "PUT");
        g.writeFieldName("url");
        w.referenceString(ReferenceStyle.RELATIVE, type, id);
        g.writeEndObject();
        g.writeEndObject();
    }
}
