package org.patientgen.engine.export.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.testing.FhirBundleValidator;
import org.patientgen.engine.testing.SamplePatients;

/**
 * The exported transaction Bundles are valid FHIR R4 according to the HAPI validator (base R4,
 * offline; see {@link FhirBundleValidator} for how US Core profile URLs are treated).
 */
class FhirValidationTest {

    static List<PatientRecord> patients() {
        return List.of(SamplePatients.diabeticWoman(), SamplePatients.deceasedMan(), SamplePatients.edgeCaseChild());
    }

    @ParameterizedTest
    @MethodSource("patients")
    void bundleHasNoValidationErrors(PatientRecord patient) throws IOException {
        PatientChunk chunk = new PatientChunk(patient.index());
        new FhirBundleExporter().write(patient, chunk);
        String bundle = new String(chunk.files().values().iterator().next(), StandardCharsets.UTF_8);

        FhirBundleValidator.Result result = FhirBundleValidator.validate(bundle);

        System.out.printf("FHIR validation of %s: %d errors, %d warnings, %d information%n",
                patient.demographics().fullName(), result.errors().size(), result.warnings().size(),
                result.information().size());
        assertThat(result.errors()).as(result.describeErrors()).isEmpty();
    }

    /** Guards the test above: a validator that accepted anything would make it meaningless. */
    @Test
    void validatorRejectsAnInvalidBundle() throws IOException {
        PatientRecord patient = SamplePatients.diabeticWoman();
        PatientChunk chunk = new PatientChunk(patient.index());
        new FhirBundleExporter().write(patient, chunk);
        String bundle = new String(chunk.files().values().iterator().next(), StandardCharsets.UTF_8)
                .replace("\"gender\":\"female\"", "\"gender\":\"robot\"")
                .replace("\"intent\":\"order\"", "\"intent\":\"wish\"");

        FhirBundleValidator.Result result = FhirBundleValidator.validate(bundle);

        assertThat(result.describeErrors()).contains("robot").contains("wish");
    }
}
