package org.patientgen.engine.export.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientgen.engine.export.ExportFormats;
import org.patientgen.engine.testing.SamplePatients;

/**
 * The header rows must be exactly Synthea 3.3.0's ({@code CSVExporter.writeCSVHeaders()} in
 * {@code org.mitre.synthea:synthea:3.3.0}); the literals here are copied from that jar, not from
 * {@link CsvTable}, so a change to either side fails.
 */
class CsvHeadersTest {
    private static final Map<String, String> SYNTHEA_3_3_HEADERS = Map.of(
            "csv/patients.csv", "Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,MIDDLE,LAST,SUFFIX,MAIDEN,"
                    + "MARITAL,RACE,ETHNICITY,GENDER,BIRTHPLACE,ADDRESS,CITY,STATE,COUNTY,FIPS,ZIP,LAT,LON,"
                    + "HEALTHCARE_EXPENSES,HEALTHCARE_COVERAGE,INCOME",
            "csv/encounters.csv", "Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,PAYER,ENCOUNTERCLASS,CODE,DESCRIPTION,"
                    + "BASE_ENCOUNTER_COST,TOTAL_CLAIM_COST,PAYER_COVERAGE,REASONCODE,REASONDESCRIPTION",
            "csv/conditions.csv", "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION",
            "csv/observations.csv", "DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE",
            "csv/medications.csv", "START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,"
                    + "DISPENSES,TOTALCOST,REASONCODE,REASONDESCRIPTION",
            "csv/immunizations.csv", "DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,BASE_COST",
            "csv/procedures.csv", "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION,BASE_COST,REASONCODE,"
                    + "REASONDESCRIPTION",
            "csv/careplans.csv", "Id,START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,REASONCODE,REASONDESCRIPTION",
            "csv/allergies.csv", "START,STOP,PATIENT,ENCOUNTER,CODE,SYSTEM,DESCRIPTION,TYPE,CATEGORY,REACTION1,"
                    + "DESCRIPTION1,SEVERITY1,REACTION2,DESCRIPTION2,SEVERITY2",
            "csv/devices.csv", "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,UDI");

    private final CsvExporter exporter = new CsvExporter();

    @ParameterizedTest
    @CsvSource({"csv/patients.csv", "csv/encounters.csv", "csv/conditions.csv", "csv/observations.csv",
            "csv/medications.csv", "csv/immunizations.csv", "csv/procedures.csv", "csv/careplans.csv",
            "csv/allergies.csv", "csv/devices.csv"})
    void headerIsSyntheasLineEndingInLineFeed(String path) {
        String header = new String(exporter.fileHeader(path), StandardCharsets.UTF_8);

        assertThat(header).isEqualTo(SYNTHEA_3_3_HEADERS.get(path) + "\n");
    }

    @Test
    void writesExactlyTheTenSyntheaTablesEvenWhenAPatientHasNoEntriesOfAKind() throws Exception {
        CsvFiles files = CsvFiles.export(SamplePatients.deceasedMan());

        assertThat(files.files().keySet()).containsExactlyInAnyOrderElementsOf(SYNTHEA_3_3_HEADERS.keySet());
        SYNTHEA_3_3_HEADERS.forEach((path, header) -> assertThat(files.text(path)).startsWith(header + "\n"));
        assertThat(files.text("csv/devices.csv")).isEqualTo(SYNTHEA_3_3_HEADERS.get("csv/devices.csv") + "\n");
    }

    @Test
    void hasNoHeaderForFilesItDoesNotOwn() {
        assertThat(exporter.fileHeader("fhir/Patient.ndjson")).isNull();
        assertThat(exporter.fileHeader("csv/claims.csv")).isNull();
    }

    @Test
    void isRegisteredUnderCsv() {
        assertThat(exporter.format()).isEqualTo("csv");
        assertThat(ExportFormats.parse("csv")).singleElement().isInstanceOf(CsvExporter.class);
    }
}
