package org.patientgen.engine.export.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.sim.Simulator;
import org.patientgen.engine.testing.FhirBundleValidator;
import org.patientgen.engine.testing.Populations;

/** Validates a sample of generated patients' Bundles with the HAPI R4 validator: zero errors. */
class GeneratedBundleValidationTest {

    @Test
    void sampleOfGeneratedBundlesHasNoValidationErrors() throws Exception {
        Simulator simulator = new Simulator(Populations.config(2024, "MA", 10));
        FhirBundleExporter exporter = new FhirBundleExporter();
        int validated = 0;
        int resources = 0;
        int warnings = 0;
        StringBuilder failures = new StringBuilder();
        // every 7th patient of the first 280: children, adults, the old, the dead
        for (long i = 0; i < 280; i += 7) {
            PatientRecord record = simulator.simulate(i);
            PatientChunk chunk = new PatientChunk(i);
            exporter.write(record, chunk);
            byte[] bundle = chunk.files().values().iterator().next();
            FhirBundleValidator.Result result = FhirBundleValidator.validate(new String(bundle, StandardCharsets.UTF_8));
            if (!result.isValid()) {
                failures.append("patient ").append(i).append(":\n").append(result.describeErrors()).append('\n');
            }
            validated++;
            resources += record.entryCount() + 1;
            warnings += result.warnings().size();
        }
        System.out.printf("validated %d generated bundles (%d resources): 0 errors expected, %d warnings%n",
                validated, resources, warnings);
        assertThat(failures.toString()).isEmpty();
        assertThat(resources).isGreaterThan(validated * 10);
    }
}
