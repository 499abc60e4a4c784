package org.patientgen.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.reference.PrevalenceTargets;

/** Reading output directories: format choice, bad input, targets file, and realism.json. */
class RealismInputTest {
    @TempDir
    Path temp;

    @Test
    void prefersCsvWhenBothFormatsArePresentAndCanBeToldOtherwise() throws Exception {
        Path dir = temp.resolve("both");
        RealismReportTest.population().writeCsv(dir);
        RealismReportTest.population().writeNdjson(dir);

        assertThat(RealismReport.compute(dir, null).source()).isEqualTo(PopulationReader.Source.CSV);
        assertThat(RealismReport.compute(dir, PopulationReader.Source.FHIR_NDJSON).source())
                .isEqualTo(PopulationReader.Source.FHIR_NDJSON);
    }

    @Test
    void badDirectoriesAreReportedWithWhatIsMissing() throws Exception {
        assertThatThrownBy(() -> RealismReport.compute(temp.resolve("nope"), null))
                .isInstanceOf(ReportInputException.class).hasMessageEndingWith("nope does not exist");

        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertThatThrownBy(() -> RealismReport.compute(empty, null))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("has no manifest.json");

        Path manifestOnly = temp.resolve("manifest-only");
        new HandMadePopulation().writeManifest(manifestOnly);
        assertThatThrownBy(() -> RealismReport.compute(manifestOnly, null))
                .isInstanceOf(ReportInputException.class)
                .hasMessageContaining("has neither csv/patients.csv and csv/conditions.csv, nor "
                        + "fhir/Patient.ndjson and fhir/Condition.ndjson");

        Path csvOnly = RealismReportTest.population().writeCsv(temp.resolve("csv-only"));
        assertThatThrownBy(() -> RealismReport.compute(csvOnly, PopulationReader.Source.FHIR_NDJSON))
                .isInstanceOf(ReportInputException.class)
                .hasMessageContaining("has neither fhir/Patient.ndjson and fhir/Condition.ndjson");

        Path badManifest = Files.createDirectory(temp.resolve("bad-manifest"));
        Files.writeString(badManifest.resolve("manifest.json"), "{\"seed\": 1}");
        assertThatThrownBy(() -> RealismReport.compute(badManifest, null))
                .isInstanceOf(ReportInputException.class).hasMessageContaining("has no 'population'");
    }

    @Test
    void conditionsOutOfPatientOrderAreAnErrorNotSilentlyDropped() throws Exception {
        Path dir = new HandMadePopulation().patient("a", "M", "1980-01-01", null).patient("b", "F", "1980-01-01", null)
                .condition("59621000", "2020-01-01", null).writeCsv(temp.resolve("order"));
        // move b's condition to a patient that comes earlier than the file order allows
        Files.writeString(dir.resolve("csv/conditions.csv"), """
                START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION
                2020-01-01,,b,e,SNOMED-CT,59621000,x
                2020-01-01,,a,e,SNOMED-CT,59621000,x
                """);
        assertThatThrownBy(() -> RealismReport.compute(dir, null)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("csv/conditions.csv line 3: condition of patient a is out of patient order");
    }

    @Test
    void malformedRowsNameFileAndLine() throws Exception {
        Path csv = RealismReportTest.population().writeCsv(temp.resolve("bad-csv"));
        String patients = Files.readString(csv.resolve("csv/patients.csv")).replace("1995-07-01", "1995-13-01");
        Files.writeString(csv.resolve("csv/patients.csv"), patients);
        assertThatThrownBy(() -> RealismReport.compute(csv, null)).isInstanceOf(ReportInputException.class)
                .hasMessage("csv/patients.csv line 3: bad date: 1995-13-01");

        Path fhir = RealismReportTest.population().writeNdjson(temp.resolve("bad-fhir"));
        Files.writeString(fhir.resolve("fhir/Condition.ndjson"), "\n{not json\n");
        assertThatThrownBy(() -> RealismReport.compute(fhir, null)).isInstanceOf(ReportInputException.class)
                .hasMessageStartingWith("fhir/Condition.ndjson line 2: not JSON");
    }

    @Test
    void realismJsonIsWrittenWholeAndReplacedOnRerun() throws Exception {
        Path dir = RealismReportTest.population().writeCsv(temp.resolve("json"));
        RealismReport report = RealismReport.compute(dir, null);
        Path json = report.writeJson();
        report.writeJson();

        assertThat(json).isEqualTo(dir.resolve("realism.json"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("manifest.json", "csv",
                    "realism.json");
        }
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("input").path("source").asText()).isEqualTo("csv");
        assertThat(root.path("input").path("patientsRead").asLong()).isEqualTo(7);
        assertThat(root.path("summary").path("withinTolerance").asLong()).isEqualTo(report.withinCount());
        assertThat(root.path("summary").path("line").asText()).isEqualTo(report.summaryLine());
        assertThat(root.path("sections")).hasSize(4);
        JsonNode prevalence = root.path("sections").path(1);
        assertThat(prevalence.path("name").asText()).isEqualTo("prevalence");
        assertThat(prevalence.path("tolerance").path("relativeFloor").asDouble()).isEqualTo(0.05);
        assertThat(prevalence.path("tolerance").path("text").asText())
                .isEqualTo("|observed - expected| <= max(0.2 %, 5% of expected, 3 SE)");
        JsonNode emptyBand = prevalence.path("checks").path(0); // hypertension M 18-39 has patients
        assertThat(emptyBand.path("observed").asDouble()).isEqualTo(0.5);
        boolean hasNullObserved = false;
        for (JsonNode row : prevalence.path("checks")) {
            hasNullObserved |= row.path("observed").isNull() && !row.path("evaluated").asBoolean();
        }
        assertThat(hasNullObserved).as("empty bands are written as null, not NaN").isTrue();
    }

    @Test
    void prevalenceTargetsLoadWithOpenEndedOldestBands() {
        var targets = PrevalenceTargets.get().targets();
        assertThat(targets).hasSizeGreaterThan(50);
        var htnOld = targets.stream().filter(t -> t.condition().equals("hypertension") && t.ageFrom() == 60)
                .findFirst().orElseThrow();
        assertThat(htnOld.snomed()).isEqualTo("59621000");
        assertThat(htnOld.covers(104)).isTrue();
        assertThat(htnOld.covers(59)).isFalse();
        assertThat(htnOld.ageLabel()).isEqualTo("60+");
    }
}
