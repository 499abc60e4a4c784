package org.patientgen.engine.export.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.export.PatientChunk;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.testing.SamplePatients;

/** Writes the sample patients, parses every file back with commons-csv and checks the values. */
class CsvExporterTest {
    private static final String MARIA = "3f2c9a1e-0000-4000-8000-000000000001";
    private static final String JOHN = "3f2c9a1e-0000-4000-8000-000000000002";
    private static final String SIOBHAN = "3f2c9a1e-0000-4000-8000-000000000003";
    private static final String WELLNESS = "3f2c9a1e-0000-4000-8000-000000000101";
    private static final String EMERGENCY = "3f2c9a1e-0000-4000-8000-000000000102";
    private static final String URGENT = "3f2c9a1e-0000-4000-8000-000000001101";
    private static final List<String> CLINICAL_TABLES = List.of("csv/encounters.csv", "csv/conditions.csv",
            "csv/observations.csv", "csv/medications.csv", "csv/immunizations.csv", "csv/procedures.csv",
            "csv/careplans.csv", "csv/allergies.csv", "csv/devices.csv");

    private static CsvFiles files;

    @BeforeAll
    static void export() throws Exception {
        files = CsvFiles.export(SamplePatients.diabeticWoman(), SamplePatients.deceasedMan(),
                SamplePatients.awkwardTextPatient());
    }

    private static Map<String, CSVRecord> byId(String path, String idColumn) {
        return files.records(path).stream().collect(Collectors.toMap(r -> r.get(idColumn), r -> r));
    }

    private static List<CSVRecord> ofPatient(String path, String patientId) {
        return files.records(path).stream().filter(r -> r.get("PATIENT").equals(patientId)).toList();
    }

    @Test
    void patientRowsCarryDemographicsInSyntheaCoding() {
        Map<String, CSVRecord> patients = byId("csv/patients.csv", "Id");
        assertThat(patients).containsOnlyKeys(MARIA, JOHN, SIOBHAN);

        CSVRecord maria = patients.get(MARIA);
        assertThat(maria.toMap()).containsAllEntriesOf(Map.ofEntries(
                Map.entry("BIRTHDATE", "1967-03-14"), Map.entry("DEATHDATE", ""),
                Map.entry("SSN", "999-12-3456"), Map.entry("DRIVERS", "S99912345"),
                Map.entry("PASSPORT", "X12345678"), Map.entry("PREFIX", "Mrs."), Map.entry("FIRST", "Maria"),
                Map.entry("MIDDLE", ""), Map.entry("LAST", "Lopez"), Map.entry("SUFFIX", ""),
                Map.entry("MAIDEN", "Garcia"), Map.entry("MARITAL", "M"), Map.entry("RACE", "white"),
                Map.entry("ETHNICITY", "hispanic"), Map.entry("GENDER", "F"),
                Map.entry("BIRTHPLACE", "Worcester, MA"), Map.entry("ADDRESS", "12 Synthetic Way"),
                Map.entry("CITY", "Boston"), Map.entry("STATE", "MA"), Map.entry("COUNTY", "Suffolk County"),
                Map.entry("FIPS", ""), Map.entry("ZIP", "02118"), Map.entry("LAT", "42.3362"),
                Map.entry("LON", "-71.0715"), Map.entry("HEALTHCARE_EXPENSES", "0.00"),
                Map.entry("HEALTHCARE_COVERAGE", "0.00"), Map.entry("INCOME", "58000")));

        CSVRecord john = patients.get(JOHN);
        assertThat(List.of(john.get("DEATHDATE"), john.get("RACE"), john.get("ETHNICITY"), john.get("GENDER"),
                john.get("MARITAL"), john.get("DRIVERS"), john.get("MAIDEN")))
                .containsExactly("2023-08-09", "black", "nonhispanic", "M", "W", "", "");

        CSVRecord siobhan = patients.get(SIOBHAN);
        assertThat(List.of(siobhan.get("FIRST"), siobhan.get("LAST"), siobhan.get("RACE"), siobhan.get("MARITAL"),
                siobhan.get("PREFIX"), siobhan.get("BIRTHDATE")))
                .containsExactly("Siobhán", "O'Brien", "asian", "S", "", "2001-12-31");
    }

    @Test
    void normalRowsAreByteForByteWhatSyntheaWrites() {
        assertThat(files.text("csv/patients.csv")).contains("\n" + MARIA + ",1967-03-14,,999-12-3456,S99912345,"
                + "X12345678,Mrs.,Maria,,Lopez,,Garcia,M,white,hispanic,F,\"Worcester, MA\",12 Synthetic Way,Boston,MA,"
                + "Suffolk County,,02118,42.3362,-71.0715,0.00,0.00,58000\n");
        assertThat(files.text("csv/encounters.csv")).contains("\n" + WELLNESS + ",2024-05-02T09:00:00Z,"
                + "2024-05-02T09:30:00Z," + MARIA + ",,,,wellness,162673000,General examination of patient "
                + "(procedure),0.00,0.00,0.00,,\n");
        assertThat(files.text("csv/observations.csv")).contains("\n2024-05-02T09:00:00Z," + MARIA + "," + WELLNESS
                + ",laboratory,4548-4,Hemoglobin A1c/Hemoglobin.total in Blood,7.4,%,numeric\n");
    }

    @Test
    void encountersHaveTimestampsClassAndReason() {
        Map<String, CSVRecord> encounters = byId("csv/encounters.csv", "Id");
        assertThat(encounters).containsOnlyKeys(WELLNESS, EMERGENCY, URGENT);

        CSVRecord emergency = encounters.get(EMERGENCY);
        assertThat(List.of(emergency.get("START"), emergency.get("STOP"), emergency.get("PATIENT"),
                emergency.get("ENCOUNTERCLASS"), emergency.get("CODE"), emergency.get("REASONCODE"),
                emergency.get("REASONDESCRIPTION"), emergency.get("ORGANIZATION"), emergency.get("PROVIDER"),
                emergency.get("PAYER"), emergency.get("BASE_ENCOUNTER_COST"), emergency.get("TOTAL_CLAIM_COST"),
                emergency.get("PAYER_COVERAGE")))
                .containsExactly("2025-01-20T22:00:00Z", "2025-01-21T02:00:00Z", MARIA, "emergency", "50849002",
                        "44054006", "Diabetes mellitus type 2 (disorder)", "", "", "", "0.00", "0.00", "0.00");
        assertThat(encounters.get(URGENT).get("START")).isEqualTo("2024-02-29T13:05:07Z");
        assertThat(encounters.get(URGENT).get("ENCOUNTERCLASS")).isEqualTo("urgentcare");
    }

    @Test
    void conditionsUseDatesAndSyntheaSystemNames() {
        assertThat(ofPatient("csv/conditions.csv", MARIA))
                .extracting(r -> r.get("START"), r -> r.get("STOP"), r -> r.get("ENCOUNTER"), r -> r.get("SYSTEM"),
                        r -> r.get("CODE"))
                .containsExactly(
                        tuple("2024-05-02", "", WELLNESS, "SNOMED-CT", "44054006"),
                        tuple("2025-01-20", "2025-02-03", EMERGENCY, "SNOMED-CT", "10509002"));
        assertThat(ofPatient("csv/conditions.csv", SIOBHAN)).singleElement()
                .satisfies(r -> assertThat(r.get("STOP")).isEqualTo("2024-04-11"));
    }

    @Test
    void panelsAreWrittenAsTheirComponentsOnly() {
        List<CSVRecord> maria = ofPatient("csv/observations.csv", MARIA);

        assertThat(maria)
                .extracting(r -> r.get("CODE"), r -> r.get("CATEGORY"), r -> r.get("VALUE"), r -> r.get("UNITS"),
                        r -> r.get("TYPE"))
                .containsExactly(
                        tuple("4548-4", "laboratory", "7.4", "%", "numeric"),
                        tuple("8480-6", "vital-signs", "134.0", "mm[Hg]", "numeric"),
                        tuple("8462-4", "vital-signs", "86.0", "mm[Hg]", "numeric"),
                        tuple("72166-2", "social-history", "Never smoked tobacco (finding)", "", "text"));
        assertThat(maria).allSatisfy(r -> {
            assertThat(r.get("DATE")).isEqualTo("2024-05-02T09:00:00Z");
            assertThat(r.get("ENCOUNTER")).isEqualTo(WELLNESS);
        });
    }

    @Test
    void nestedPanelsFlattenAndObservationsWithoutValueAreSkipped() {
        assertThat(ofPatient("csv/observations.csv", SIOBHAN))
                .extracting(r -> r.get("CODE"), r -> r.get("VALUE"), r -> r.get("TYPE"))
                .containsExactly(
                        tuple("72514-3", "Reports \"sharp\" pain, worse at night", "text"),
                        tuple("8302-2", "165.3", "numeric"), // %.1f of 165.25, half-up like String.format
                        tuple("8480-6", "118.0", "numeric"));
    }

    @Test
    void medicationsHaveTimestampsReasonAndSyntheaDispenses() {
        CSVRecord metformin = ofPatient("csv/medications.csv", MARIA).get(0);
        assertThat(List.of(metformin.get("START"), metformin.get("STOP"), metformin.get("PAYER"),
                metformin.get("ENCOUNTER"), metformin.get("CODE"), metformin.get("BASE_COST"),
                metformin.get("PAYER_COVERAGE"), metformin.get("DISPENSES"), metformin.get("TOTALCOST"),
                metformin.get("REASONCODE"), metformin.get("REASONDESCRIPTION")))
                // still active: 2024-05-02T09:00 to the 2025-06-01 end date is 394.6 days = 13 × 30 days
                .containsExactly("2024-05-02T09:00:00Z", "", "", WELLNESS, "860975", "0.00", "0.00", "13", "0.00",
                        "44054006", "Diabetes mellitus type 2 (disorder)");

        CSVRecord ibuprofen = ofPatient("csv/medications.csv", SIOBHAN).get(0);
        assertThat(List.of(ibuprofen.get("STOP"), ibuprofen.get("DISPENSES")))
                .containsExactly("2024-05-04T13:05:07Z", "2"); // ended after 65 days
    }

    @Test
    void otherTablesCarryTheirEntries() {
        CSVRecord flu = ofPatient("csv/immunizations.csv", MARIA).get(0);
        assertThat(List.of(flu.get("DATE"), flu.get("ENCOUNTER"), flu.get("CODE"), flu.get("DESCRIPTION"),
                flu.get("BASE_COST")))
                .containsExactly("2024-05-02T09:00:00Z", WELLNESS, "140",
                        "Influenza, seasonal, injectable, preservative free", "0.00");

        CSVRecord reconciliation = ofPatient("csv/procedures.csv", MARIA).get(0);
        assertThat(List.of(reconciliation.get("START"), reconciliation.get("STOP"), reconciliation.get("SYSTEM"),
                reconciliation.get("CODE"), reconciliation.get("BASE_COST"), reconciliation.get("REASONCODE")))
                .containsExactly("2024-05-02T09:00:00Z", "2024-05-02T09:15:00Z", "SNOMED-CT", "430193006", "0.00",
                        "");
        assertThat(ofPatient("csv/procedures.csv", SIOBHAN).get(0).get("REASONCODE")).isEqualTo("65966004");

        CSVRecord carePlan = ofPatient("csv/careplans.csv", MARIA).get(0);
        assertThat(List.of(carePlan.get("Id"), carePlan.get("START"), carePlan.get("STOP"), carePlan.get("CODE"),
                carePlan.get("REASONCODE")))
                .containsExactly("3f2c9a1e-0000-4000-8000-000000000801", "2024-05-02", "", "698360004", "44054006");

        assertThat(files.records("csv/allergies.csv"))
                .extracting(r -> r.get("PATIENT"), r -> r.get("START"), r -> r.get("CODE"), r -> r.get("SYSTEM"),
                        r -> r.get("TYPE"), r -> r.get("CATEGORY"), r -> r.get("REACTION1"), r -> r.get("SEVERITY2"))
                .containsExactly(
                        tuple(MARIA, "2024-05-02", "91936005", "SNOMED-CT", "allergy", "medication", "", ""),
                        tuple(SIOBHAN, "2024-02-29", "7980", "RxNorm", "intolerance", "", "", ""));

        CSVRecord meter = ofPatient("csv/devices.csv", MARIA).get(0);
        assertThat(List.of(meter.get("START"), meter.get("STOP"), meter.get("CODE"), meter.get("UDI")))
                .containsExactly("2024-05-02T09:00:00Z", "", "337414009", "");
    }

    @Test
    void textWithCommasQuotesAndLineBreaksIsQuotedAndReadsBackIntact() {
        String fracture = "Fracture of \"left\" forearm, closed (disorder)";
        assertThat(files.text("csv/conditions.csv"))
                .contains(",SNOMED-CT,65966004,\"Fracture of \"\"left\"\" forearm, closed (disorder)\"\n");
        assertThat(files.text("csv/patients.csv")).contains(",\"Apt 4, \"\"The Annex\"\"\n9 Sample Street\",");

        assertThat(ofPatient("csv/conditions.csv", SIOBHAN).get(0).get("DESCRIPTION")).isEqualTo(fracture);
        assertThat(byId("csv/encounters.csv", "Id").get(URGENT).get("REASONDESCRIPTION")).isEqualTo(fracture);
        CSVRecord siobhan = byId("csv/patients.csv", "Id").get(SIOBHAN);
        assertThat(siobhan.get("ADDRESS")).isEqualTo("Apt 4, \"The Annex\"\n9 Sample Street");
        assertThat(siobhan.get("BIRTHPLACE")).isEqualTo("Cork, Ireland");
        assertThat(siobhan.get("INCOME")).isEqualTo("24000"); // columns after the multi-line field stay aligned
    }

    @Test
    void everyRowHasTheHeadersColumnCount() {
        for (String path : files.files().keySet()) {
            int columns = files.headerNames(path).size();
            assertThat(files.records(path)).as(path)
                    .allSatisfy(r -> assertThat(r.size()).as(path + " row " + r.getRecordNumber()).isEqualTo(columns));
        }
    }

    @Test
    void everyPatientAndEncounterReferenceResolves() {
        Set<String> patientIds = byId("csv/patients.csv", "Id").keySet();
        Set<String> encounterIds = byId("csv/encounters.csv", "Id").keySet();
        int references = 0;
        for (String path : CLINICAL_TABLES) {
            for (CSVRecord row : files.records(path)) {
                assertThat(patientIds).as(path + " PATIENT").contains(row.get("PATIENT"));
                if (!path.equals("csv/encounters.csv")) {
                    assertThat(encounterIds).as(path + " ENCOUNTER").contains(row.get("ENCOUNTER"));
                    references++;
                }
            }
        }
        assertThat(references).isEqualTo(12 + 7); // Maria's 12 entry rows, Siobhán's 7
    }

    @Test
    void countsRowsPerFileForTheManifest() throws Exception {
        PatientRecord maria = SamplePatients.diabeticWoman();
        PatientChunk chunk = new PatientChunk(maria.index());
        new CsvExporter().write(maria, chunk);

        assertThat(chunk.resourceCounts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "csv/patients.csv", 1L, "csv/encounters.csv", 2L, "csv/conditions.csv", 2L,
                "csv/observations.csv", 4L, "csv/medications.csv", 1L, "csv/immunizations.csv", 1L,
                "csv/procedures.csv", 1L, "csv/careplans.csv", 1L, "csv/allergies.csv", 1L,
                "csv/devices.csv", 1L));

        PatientChunk johnChunk = new PatientChunk(1);
        new CsvExporter().write(SamplePatients.deceasedMan(), johnChunk);
        assertThat(johnChunk.resourceCounts()).containsExactly(Map.entry("csv/patients.csv", 1L));
    }
}
