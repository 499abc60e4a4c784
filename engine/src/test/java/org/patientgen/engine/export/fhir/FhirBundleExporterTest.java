package org.patientgen.engine.export.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.export.fhir.FhirJsonTrees.parse;
import static org.patientgen.engine.export.fhir.FhirJsonTrees.references;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.testing.SamplePatients;

class FhirBundleExporterTest {
    private final FhirBundleExporter exporter = new FhirBundleExporter();

    static List<PatientRecord> patients() {
        return List.of(SamplePatients.diabeticWoman(), SamplePatients.deceasedMan(), SamplePatients.edgeCaseChild());
    }

    private PatientChunk export(PatientRecord patient) throws IOException {
        PatientChunk chunk = new PatientChunk(patient.index());
        exporter.write(patient, chunk);
        return chunk;
    }

    @ParameterizedTest
    @MethodSource("patients")
    void writesOneTransactionBundleFilePerPatient(PatientRecord patient) throws IOException {
        PatientChunk chunk = export(patient);
        String id = patient.demographics().id();

        assertThat(chunk.files()).containsOnlyKeys("fhir/bundles/" + id + ".json");
        assertThat(chunk.appends()).isEmpty();
        assertThat(chunk.resourceCounts()).containsExactlyEntriesOf(Map.of("Bundle", 1L));
        JsonNode bundle = parse(new String(chunk.files().get("fhir/bundles/" + id + ".json"), StandardCharsets.UTF_8));
        assertThat(bundle.at("/resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.at("/type").asText()).isEqualTo("transaction");
        assertThat(bundle.at("/entry")).hasSize(1 + patient.entryCount());
        assertThat(bundle.at("/entry/0/resource/resourceType").asText()).isEqualTo("Patient");
    }

    @ParameterizedTest
    @MethodSource("patients")
    void entriesAreAddressedByUrnUuidAndPutToTheirOwnIds(PatientRecord patient) throws IOException {
        JsonNode bundle = bundleOf(patient);

        List<String> fullUrls = new ArrayList<>();
        for (JsonNode entry : bundle.get("entry")) {
            JsonNode resource = entry.get("resource");
            String type = resource.get("resourceType").asText();
            String id = resource.get("id").asText();
            assertThat(entry.get("fullUrl").asText()).isEqualTo("urn:uuid:" + id);
            assertThat(entry.at("/request/method").asText()).isEqualTo("PUT");
            assertThat(entry.at("/request/url").asText()).isEqualTo(type + "/" + id);
            fullUrls.add(entry.get("fullUrl").asText());
        }
        assertThat(fullUrls).doesNotHaveDuplicates();
        List<String> references = references(bundle);
        assertThat(references).allSatisfy(r -> assertThat(r).startsWith("urn:uuid:").isIn(fullUrls));
        if (patient.entryCount() > 0) {
            assertThat(references).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("patients")
    void bundleBytesDependOnlyOnThePatient(PatientRecord patient) throws IOException {
        String path = "fhir/bundles/" + patient.demographics().id() + ".json";

        assertThat(export(patient).files().get(path)).isEqualTo(export(patient).files().get(path));
    }

    private JsonNode bundleOf(PatientRecord patient) throws IOException {
        byte[] bytes = export(patient).files().get("fhir/bundles/" + patient.demographics().id() + ".json");
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }
}
