package org.patientgen.engine.export.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.export.fhir.FhirJsonTrees.parse;
import static org.patientgen.engine.export.fhir.FhirJsonTrees.references;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.testing.SamplePatients;

class FhirNdjsonExporterTest {
    private static final String WOMAN_ID = "3f2c9a1e-0000-4000-8000-000000000001";

    private final FhirNdjsonExporter exporter = new FhirNdjsonExporter();

    private PatientChunk export(PatientRecord patient) throws IOException {
        PatientChunk chunk = new PatientChunk(patient.index());
        exporter.write(patient, chunk);
        return chunk;
    }

    /** File path to its lines. */
    private static Map<String, List<String>> lines(PatientChunk chunk) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        chunk.appends().forEach((path, appended) -> {
            String text = appended.bytes().toString(StandardCharsets.UTF_8);
            assertThat(text).as(path + " ends with a newline").endsWith("\n");
            files.put(path, List.of(text.substring(0, text.length() - 1).split("\n", -1)));
        });
        return files;
    }

    @Test
    void writesOneLinePerResourceIntoOneFilePerType() throws IOException {
        PatientChunk chunk = export(SamplePatients.diabeticWoman());

        Map<String, List<String>> files = lines(chunk);
        assertThat(files).containsOnlyKeys("fhir/Patient.ndjson", "fhir/Encounter.ndjson",
                "fhir/Condition.ndjson", "fhir/AllergyIntolerance.ndjson", "fhir/MedicationRequest.ndjson",
                "fhir/Observation.ndjson", "fhir/Procedure.ndjson", "fhir/Immunization.ndjson",
                "fhir/CarePlan.ndjson", "fhir/Device.ndjson");
        assertThat(files.get("fhir/Observation.ndjson")).hasSize(3);
        assertThat(files.get("fhir/Encounter.ndjson")).hasSize(2);
        assertThat(chunk.resourceCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Patient", 1L, "Encounter", 2L, "Condition", 2L, "AllergyIntolerance", 1L,
                "MedicationRequest", 1L, "Observation", 3L, "Procedure", 1L, "Immunization", 1L,
                "CarePlan", 1L, "Device", 1L));
        assertThat(chunk.files()).isEmpty();

        files.forEach((path, fileLines) -> {
            String type = path.substring("fhir/".length(), path.length() - ".ndjson".length());
            assertThat(fileLines).hasSize(chunk.resourceCounts().get(type).intValue());
            for (String line : fileLines) {
                JsonNode resource = parse(line);
                assertThat(resource.path("resourceType").asText()).isEqualTo(type);
                assertThat(resource.path("id").asText()).isNotEmpty();
            }
        });
    }

    @Test
    void relativeReferencesResolveWithinTheExport() throws IOException {
        for (PatientRecord patient : List.of(SamplePatients.diabeticWoman(), SamplePatients.edgeCaseChild())) {
            Set<String> exported = new HashSet<>();
            List<String> references = new java.util.ArrayList<>();
            lines(export(patient)).values().forEach(fileLines -> fileLines.forEach(line -> {
                JsonNode resource = parse(line);
                assertThat(exported.add(resource.get("resourceType").asText() + "/" + resource.get("id").asText()))
                        .as("unique resource %s", line).isTrue();
                references.addAll(references(resource));
            }));
            assertThat(references).isNotEmpty().allMatch(exported::contains);
        }
    }

    @Test
    void serializesTheSampleResourcesWithTheirClinicalMeaning() throws IOException {
        Map<String, List<String>> files = lines(export(SamplePatients.diabeticWoman()));

        JsonNode patient = parse(files.get("fhir/Patient.ndjson").get(0));
        assertThat(patient.at("/birthDate").asText()).isEqualTo("1967-03-14");
        assertThat(patient.at("/gender").asText()).isEqualTo("female");
        assertThat(patient.has("deceasedDateTime")).isFalse();
        assertThat(patient.at("/identifier/0/value").asText()).isEqualTo(WOMAN_ID);
        assertThat(patient.at("/identifier/1/system").asText()).isEqualTo("http://hl7.org/fhir/sid/us-ssn");
        assertThat(patient.at("/identifier/1/type/coding/0/code").asText()).isEqualTo("SS");
        assertThat(patient.at("/identifier/3/type/coding/0/code").asText()).isEqualTo("PPN");
        assertThat(patient.at("/name/1/use").asText()).isEqualTo("maiden");
        assertThat(patient.at("/name/1/family").asText()).isEqualTo("Garcia");
        assertThat(patient.at("/communication/0/language/coding/0/code").asText()).isEqualTo("es");
        assertThat(patient.at("/extension/1/extension/0/valueCoding/code").asText()).isEqualTo("2135-2");
        assertThat(patient.at("/address/0/extension/0/extension/0/valueDecimal").asDouble()).isEqualTo(42.3362);

        JsonNode wellness = parse(files.get("fhir/Encounter.ndjson").get(0));
        assertThat(wellness.at("/period/start").asText()).isEqualTo("2024-05-02T09:00:00Z");
        assertThat(wellness.at("/period/end").asText()).isEqualTo("2024-05-02T09:30:00Z");
        assertThat(wellness.at("/status").asText()).isEqualTo("finished");
        assertThat(wellness.at("/subject/reference").asText()).isEqualTo("Patient/" + WOMAN_ID);

        JsonNode bronchitis = parse(files.get("fhir/Condition.ndjson").get(1));
        assertThat(bronchitis.at("/clinicalStatus/coding/0/code").asText()).isEqualTo("resolved");
        assertThat(bronchitis.at("/abatementDateTime").asText()).isEqualTo("2025-02-03T22:00:00Z");

        JsonNode metformin = parse(files.get("fhir/MedicationRequest.ndjson").get(0));
        assertThat(metformin.at("/status").asText()).isEqualTo("active");
        assertThat(metformin.at("/reasonReference/0/reference").asText())
                .isEqualTo("Condition/3f2c9a1e-0000-4000-8000-000000000201");

        JsonNode bloodPressure = parse(files.get("fhir/Observation.ndjson").get(1));
        assertThat(bloodPressure.has("valueQuantity")).isFalse();
        assertThat(bloodPressure.at("/component")).hasSize(2);
        assertThat(bloodPressure.at("/component/0/code/coding/0/code").asText()).isEqualTo("8480-6");
        assertThat(bloodPressure.at("/component/0/valueQuantity/value").asDouble()).isEqualTo(134.0);
        assertThat(bloodPressure.at("/component/0/valueQuantity/code").asText()).isEqualTo("mm[Hg]");
        JsonNode smoking = parse(files.get("fhir/Observation.ndjson").get(2));
        assertThat(smoking.at("/valueCodeableConcept/coding/0/code").asText()).isEqualTo("266919005");
        assertThat(smoking.at("/category/0/coding/0/code").asText()).isEqualTo("social-history");
    }

    @Test
    void leavesOutReferencesToEncountersOutsideTheExport() throws IOException {
        Map<String, List<String>> files = lines(export(SamplePatients.edgeCaseChild()));

        JsonNode asthma = parse(files.get("fhir/Condition.ndjson").get(0));
        assertThat(asthma.has("encounter")).isFalse();
        JsonNode inpatient = parse(files.get("fhir/Encounter.ndjson").get(0));
        assertThat(inpatient.at("/status").asText()).isEqualTo("in-progress");
        assertThat(inpatient.at("/period").has("end")).isFalse();
        assertThat(inpatient.at("/period/start").asText()).isEqualTo("2025-05-30T14:00:01.250Z");
        JsonNode amoxicillin = parse(files.get("fhir/MedicationRequest.ndjson").get(0));
        assertThat(amoxicillin.at("/status").asText()).isEqualTo("stopped");
        assertThat(amoxicillin.has("reasonReference")).isFalse();
        assertThat(amoxicillin.at("/reasonCode/0/coding/0/code").asText()).isEqualTo("43878008");
        JsonNode patient = parse(files.get("fhir/Patient.ndjson").get(0));
        assertThat(patient.at("/communication/0/language/text").asText()).isEqualTo("klingon");
        assertThat(patient.at("/communication/0/language").has("coding")).isFalse();
        assertThat(patient.at("/name")).hasSize(1);
    }

    @Test
    void deceasedPatientHasDeceasedDateTime() throws IOException {
        JsonNode patient = parse(lines(export(SamplePatients.deceasedMan())).get("fhir/Patient.ndjson").get(0));

        assertThat(patient.at("/deceasedDateTime").asText()).isEqualTo("2023-08-09T00:00:00Z");
    }

    @Test
    void patientWithoutEntriesYieldsOnlyThePatientFile() throws IOException {
        PatientChunk chunk = export(SamplePatients.deceasedMan());

        assertThat(chunk.appends()).containsOnlyKeys("fhir/Patient.ndjson");
        assertThat(lines(chunk).get("fhir/Patient.ndjson")).hasSize(1);
        assertThat(chunk.resourceCounts()).containsExactlyEntriesOf(Map.of("Patient", 1L));
    }

    @Test
    void outputIsByteIdenticalAcrossRuns() throws IOException {
        PatientChunk first = export(SamplePatients.diabeticWoman());
        PatientChunk second = export(SamplePatients.diabeticWoman());

        assertThat(second.appends().keySet()).containsExactlyElementsOf(first.appends().keySet());
        first.appends().forEach((path, appended) -> assertThat(second.appends().get(path).bytes().toByteArray())
                .as(path).isEqualTo(appended.bytes().toByteArray()));
    }
}
