package org.patientgen.engine.export.csv;

import java.nio.charset.StandardCharsets;

/**
 * The Synthea CSV tables this exporter writes, with their file path under the output folder and
 * their header row.
 *
 * <p>The headers are copied verbatim from the string constants of
 * {@code org.mitre.synthea.export.CSVExporter.writeCSVHeaders()} in the released
 * {@code org.mitre.synthea:synthea:3.3.0} jar (the same version the parent POM pins for the
 * module-format tests), so readers keyed on Synthea 3.3 column names and positions work unchanged.
 * Synthea's other tables (claims, payers, providers, organizations, imaging studies, supplies, …)
 * are not written: the simulation has no data for them.
 */
enum CsvTable {
    PATIENTS("csv/patients.csv",
            "Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,MIDDLE,LAST,SUFFIX,MAIDEN,"
                    + "MARITAL,RACE,ETHNICITY,GENDER,BIRTHPLACE,ADDRESS,CITY,STATE,COUNTY,FIPS,ZIP,LAT,LON,"
                    + "HEALTHCARE_EXPENSES,HEALTHCARE_COVERAGE,INCOME"),
    ENCOUNTERS("csv/encounters.csv",
            "Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,PAYER,ENCOUNTERCLASS,CODE,DESCRIPTION,"
                    + "BASE_ENCOUNTER_COST,TOTAL_CLAIM_COST,PAYER_COVERAGE,REASONCODE,REASONDESCRIPTION"),
    CONDITIONS("csv/conditions.csv",
            "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION"),
    OBSERVATIONS("csv/observations.csv",
            "DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE"),
    MEDICATIONS("csv/medications.csv",
            "START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,"
                    + "TOTALCOST,REASONCODE,REASONDESCRIPTION"),
    IMMUNIZATIONS("csv/immunizations.csv",
            "DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,BASE_COST"),
    PROCEDURES("csv/procedures.csv",
            "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION,BASE_COST,REASONCODE,REASONDESCRIPTION"),
    CAREPLANS("csv/careplans.csv",
            "Id,START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,REASONCODE,REASONDESCRIPTION"),
    ALLERGIES("csv/allergies.csv",
            "START,STOP,PATIENT,ENCOUNTER,CODE,SYSTEM,DESCRIPTION,TYPE,CATEGORY,REACTION1,DESCRIPTION1,"
                    + "SEVERITY1,REACTION2,DESCRIPTION2,SEVERITY2"),
    DEVICES("csv/devices.csv",
            "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,UDI");

    private final String path;
    private final String header;
    private final int columnCount;

    CsvTable(String path, String header) {
        this.path = path;
        this.header = header;
        int commas = 0;
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) == ',') {
                commas++;
            }
        }
        this.columnCount = commas + 1;
    }

    /** Path relative to the output folder, e.g. {@code csv/patients.csv}; also the manifest key. */
    String path() {
        return path;
    }

    /** The header row without its record separator. */
    String header() {
        return header;
    }

    int columnCount() {
        return columnCount;
    }

    /** The header row as written at the top of the file: UTF-8, ending in the record separator. */
    byte[] headerBytes() {
        return (header + CsvRowBuffer.RECORD_SEPARATOR).getBytes(StandardCharsets.UTF_8);
    }

    /** The table stored at {@code relativePath}, or null if the path is not one of ours. */
    static CsvTable byPath(String relativePath) {
        for (CsvTable table : values()) {
            if (table.path.equals(relativePath)) {
                return table;
            }
        }
        return null;
    }
}
