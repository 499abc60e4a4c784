package org.patientgen.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny population written by hand as a generator output directory: manifest plus Synthea CSV
 * and/or FHIR NDJSON (patients, conditions, and cause-of-death observations), so report
 * computations can be checked against numbers worked out on paper.
 */
final class HandMadePopulation {
    static final LocalDate END = LocalDate.of(2025, 6, 30);

    private record Patient(String id, String sex, LocalDate birth, LocalDate death) {
    }

    private record Condition(String patientId, String code, LocalDate start, LocalDate stop) {
    }

    /** A certified cause of death: SNOMED CT code and the display text Synthea CSV writes as the value. */
    private record Cause(String patientId, String code, String display) {
    }

    private final List<Patient> patients = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final List<Cause> causes = new ArrayList<>();
    private int yearsOfHistory = 10;
    private List<String> modules;

    HandMadePopulation yearsOfHistory(int years) {
        this.yearsOfHistory = years;
        return this;
    }

    /** Lists these module keys in the manifest (by default the manifest names none). */
    HandMadePopulation modules(String... keys) {
        this.modules = List.of(keys);
        return this;
    }

    /** Adds a patient; {@code death} may be null. Conditions must be added right after their patient. */
    HandMadePopulation patient(String id, String sex, String birth, String death) {
        patients.add(new Patient(id, sex, LocalDate.parse(birth), death == null ? null : LocalDate.parse(death)));
        return this;
    }

    /** Adds a condition of the last patient; {@code stop} may be null. */
    HandMadePopulation condition(String code, String start, String stop) {
        conditions.add(new Condition(patients.get(patients.size() - 1).id(), code, LocalDate.parse(start),
                stop == null ? null : LocalDate.parse(stop)));
        return this;
    }

    /** Certifies the last patient's death with a Cause of Death observation (LOINC 69453-9) on the death date. */
    HandMadePopulation cause(String code, String display) {
        causes.add(new Cause(patients.get(patients.size() - 1).id(), code, display));
        return this;
    }

    void writeManifest(Path dir) throws IOException {
        Files.createDirectories(dir);
        String moduleList = modules == null ? "" : ", \"modules\": [\"" + String.join("\", \"", modules) + "\"]";
        Files.writeString(dir.resolve("manifest.json"), """
                {"generator": "test", "seed": 7, "population": %d, "state": "MA", "endDate": "%s",
                 "yearsOfHistory": %d, "formats": ["csv", "fhir-ndjson"]%s}
                """.formatted(patients.size(), END, yearsOfHistory, moduleList));
    }

    private LocalDate deathOf(String patientId) {
        return patients.stream().filter(p -> p.id().equals(patientId)).findFirst().orElseThrow().death();
    }

    /** Writes manifest, {@code csv/patients.csv} and {@code csv/conditions.csv} in Synthea's column layout. */
    Path writeCsv(Path dir) throws IOException {
        writeManifest(dir);
        Files.createDirectories(dir.resolve("csv"));
        StringBuilder p = new StringBuilder("Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,MIDDLE,LAST,"
                + "SUFFIX,MAIDEN,MARITAL,RACE,ETHNICITY,GENDER,BIRTHPLACE,ADDRESS,CITY,STATE,COUNTY,FIPS,ZIP,LAT,"
                + "LON,HEALTHCARE_EXPENSES,HEALTHCARE_COVERAGE,INCOME\n");
        for (Patient x : patients) {
            p.append(x.id()).append(',').append(x.birth()).append(',').append(x.death() == null ? "" : x.death())
                    .append(",999-01-0001,,,,Ann,,LEE,,,S,white,nonhispanic,").append(x.sex())
                    .append(",\"Boston, MA\",1 Main Street,Boston,MA,Suffolk,,02108,42.3,-71.0,0.00,0.00,50000\n");
        }
        Files.writeString(dir.resolve("csv/patients.csv"), p);
        StringBuilder c = new StringBuilder("START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION\n");
        for (Condition x : conditions) {
            c.append(x.start()).append(',').append(x.stop() == null ? "" : x.stop()).append(',')
                    .append(x.patientId()).append(",enc-1,SNOMED-CT,").append(x.code())
                    .append(",\"Some, condition\"\n");
        }
        Files.writeString(dir.resolve("csv/conditions.csv"), c);
        // a vital sign before each cause, as in real output, so the reader has to skip other observations
        StringBuilder o = new StringBuilder("DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE\n");
        for (Cause x : causes) {
            String day = deathOf(x.patientId()) + "T10:00:00Z," + x.patientId() + ",enc-2,";
            o.append(day).append("vital-signs,8302-2,Body Height,170.0,cm,numeric\n");
            o.append(day).append("exam,69453-9,Cause of Death [US Standard Certificate of Death],\"")
                    .append(x.display()).append("\",,text\n");
        }
        Files.writeString(dir.resolve("csv/observations.csv"), o);
        return dir;
    }

    /** Writes manifest, {@code fhir/Patient.ndjson} and {@code fhir/Condition.ndjson}, timestamps in UTC. */
    Path writeNdjson(Path dir) throws IOException {
        writeManifest(dir);
        Files.createDirectories(dir.resolve("fhir"));
        StringBuilder p = new StringBuilder();
        for (Patient x : patients) {
            p.append("{\"resourceType\":\"Patient\",\"id\":\"").append(x.id()).append("\",\"gender\":\"")
                    .append(x.sex().equals("M") ? "male" : x.sex().equals("F") ? "female" : "unknown")
                    .append("\",\"birthDate\":\"").append(x.birth()).append('"');
            if (x.death() != null) {
                p.append(",\"deceasedDateTime\":\"").append(x.death()).append("T13:45:00.000Z\"");
            }
            p.append("}\n");
        }
        Files.writeString(dir.resolve("fhir/Patient.ndjson"), p);
        StringBuilder c = new StringBuilder();
        int n = 0;
        for (Condition x : conditions) {
            boolean resolved = x.stop() != null && !x.stop().isAfter(END);
            c.append("{\"resourceType\":\"Condition\",\"id\":\"c").append(n++)
                    .append("\",\"clinicalStatus\":{\"coding\":[{\"system\":")
                    .append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\",\"code\":\"")
                    .append(resolved ? "resolved" : "active").append("\"}]},")
                    .append("\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"")
                    .append(x.code()).append("\"}]},\"subject\":{\"reference\":\"Patient/").append(x.patientId())
                    .append("\"},\"onsetDateTime\":\"").append(x.start()).append("T08:00:00Z\"");
            if (x.stop() != null) {
                c.append(",\"abatementDateTime\":\"").append(x.stop()).append("T09:30:00.000Z\"");
            }
            c.append("}\n");
        }
        Files.writeString(dir.resolve("fhir/Condition.ndjson"), c);
        StringBuilder o = new StringBuilder();
        for (Cause x : causes) {
            String time = deathOf(x.patientId()) + "T10:00:00Z";
            o.append("{\"resourceType\":\"Observation\",\"id\":\"h").append(x.patientId())
                    .append("\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8302-2\"}]},")
                    .append("\"subject\":{\"reference\":\"Patient/").append(x.patientId())
                    .append("\"},\"effectiveDateTime\":\"").append(time).append("\",\"valueQuantity\":{\"value\":170}}\n");
            o.append("{\"resourceType\":\"Observation\",\"id\":\"d").append(x.patientId())
                    .append("\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"69453-9\"}]},")
                    .append("\"subject\":{\"reference\":\"Patient/").append(x.patientId())
                    .append("\"},\"effectiveDateTime\":\"").append(time)
                    .append("\",\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"")
                    .append(x.code()).append("\",\"display\":\"").append(x.display()).append("\"}]}}\n");
        }
        Files.writeString(dir.resolve("fhir/Observation.ndjson"), o);
        return dir;
    }
}
