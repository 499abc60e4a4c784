package org.patientgen.engine.testing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.patientgen.engine.model.Address;
import org.patientgen.engine.model.AllergyEntry;
import org.patientgen.engine.model.CarePlanEntry;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.ConditionEntry;
import org.patientgen.engine.model.Demographics;
import org.patientgen.engine.model.DeviceEntry;
import org.patientgen.engine.model.Education;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.EncounterClass;
import org.patientgen.engine.model.Entry;
import org.patientgen.engine.model.ImmunizationEntry;
import org.patientgen.engine.model.MaritalStatus;
import org.patientgen.engine.model.MedicationEntry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.model.ProcedureEntry;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;

/** Hand-built patient records covering every entry kind, for exporter tests. */
public final class SamplePatients {
    private SamplePatients() {
    }

    public static long millis(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** A 58-year-old diabetic woman with one of every kind of entry; alive at the end date. */
    public static PatientRecord diabeticWoman() {
        Demographics d = new Demographics("3f2c9a1e-0000-4000-8000-000000000001", "Mrs.", "Maria", "Lopez", "Garcia",
                Sex.FEMALE, LocalDate.of(1967, 3, 14), Race.WHITE, true, "999-12-3456", "S99912345", "X12345678",
                "555-555-0142", new Address("12 Synthetic Way", "Boston", "Suffolk County", "MA", "02118",
                42.3362, -71.0715), "Worcester, MA", MaritalStatus.MARRIED, "spanish", 58000,
                Education.SOME_COLLEGE);
        String enc1 = "3f2c9a1e-0000-4000-8000-000000000101";
        String enc2 = "3f2c9a1e-0000-4000-8000-000000000102";
        Encounter wellness = new Encounter(enc1, EncounterClass.WELLNESS,
                new Code(Code.SNOMED, "162673000", "General examination of patient (procedure)"),
                millis(2024, 5, 2) + 9 * 3_600_000L, null);
        wellness.end(millis(2024, 5, 2) + 9 * 3_600_000L + 30 * 60_000L);
        Code diabetes = new Code(Code.SNOMED, "44054006", "Diabetes mellitus type 2 (disorder)");
        Encounter emergency = new Encounter(enc2, EncounterClass.EMERGENCY,
                new Code(Code.SNOMED, "50849002", "Emergency room admission (procedure)"),
                millis(2025, 1, 20) + 22 * 3_600_000L, diabetes);
        emergency.end(millis(2025, 1, 21) + 2 * 3_600_000L);
        ConditionEntry condition = new ConditionEntry("3f2c9a1e-0000-4000-8000-000000000201", diabetes,
                wellness.start(), enc1);
        ConditionEntry bronchitis = new ConditionEntry("3f2c9a1e-0000-4000-8000-000000000202",
                new Code(Code.SNOMED, "10509002", "Acute bronchitis (disorder)"), emergency.start(), enc2);
        bronchitis.end(emergency.start() + 14 * 86_400_000L);
        AllergyEntry allergy = new AllergyEntry("3f2c9a1e-0000-4000-8000-000000000301",
                new Code(Code.SNOMED, "91936005", "Allergy to penicillin (finding)"), wellness.start(), enc1,
                "allergy", "medication");
        MedicationEntry metformin = new MedicationEntry("3f2c9a1e-0000-4000-8000-000000000401",
                new Code(Code.RXNORM, "860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet"),
                wellness.start(), enc1, diabetes, true);
        ObservationEntry hba1c = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000000501",
                new Code(Code.LOINC, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"), "laboratory",
                wellness.start(), enc1, 7.4, "%", null);
        ObservationEntry systolic = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000000503",
                new Code(Code.LOINC, "8480-6", "Systolic blood pressure"), "vital-signs", wellness.start(), enc1,
                134.0, "mm[Hg]", null);
        ObservationEntry diastolic = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000000504",
                new Code(Code.LOINC, "8462-4", "Diastolic blood pressure"), "vital-signs", wellness.start(), enc1,
                86.0, "mm[Hg]", null);
        ObservationEntry bp = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000000502",
                new Code(Code.LOINC, "85354-9", "Blood pressure panel with all children optional"), "vital-signs",
                wellness.start(), enc1, null, null, List.of(systolic, diastolic));
        ObservationEntry smoking = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000000505",
                new Code(Code.LOINC, "72166-2", "Tobacco smoking status"), "social-history", wellness.start(), enc1,
                new Code(Code.SNOMED, "266919005", "Never smoked tobacco (finding)"), null, null);
        ProcedureEntry procedure = new ProcedureEntry("3f2c9a1e-0000-4000-8000-000000000601",
                new Code(Code.SNOMED, "430193006", "Medication reconciliation (procedure)"), wellness.start(),
                wellness.start() + 15 * 60_000L, enc1, null);
        ImmunizationEntry flu = new ImmunizationEntry("3f2c9a1e-0000-4000-8000-000000000701",
                new Code(Code.CVX, "140", "Influenza, seasonal, injectable, preservative free"), wellness.start(), enc1);
        CarePlanEntry carePlan = new CarePlanEntry("3f2c9a1e-0000-4000-8000-000000000801",
                new Code(Code.SNOMED, "698360004", "Diabetes self management plan"), wellness.start(), enc1,
                List.of(new Code(Code.SNOMED, "160670007", "Diabetic diet"),
                        new Code(Code.SNOMED, "229065009", "Exercise therapy")), diabetes);
        DeviceEntry device = new DeviceEntry("3f2c9a1e-0000-4000-8000-000000000901",
                new Code(Code.SNOMED, "337414009", "Blood glucose meter (physical object)"), wellness.start(), enc1);
        return new PatientRecord(0, d, Entry.OPEN, null, millis(2025, 6, 1),
                List.of(wellness, emergency), List.of(condition, bronchitis), List.of(allergy), List.of(metformin),
                List.of(hba1c, bp, smoking), List.of(procedure), List.of(flu), List.of(carePlan), List.of(device));
    }

    /** A man who died of a myocardial infarction, with no entries besides his death. */
    public static PatientRecord deceasedMan() {
        Demographics d = new Demographics("3f2c9a1e-0000-4000-8000-000000000002", "Mr.", "John", "Smith", null,
                Sex.MALE, LocalDate.of(1940, 11, 2), Race.BLACK, false, "999-65-4321", null, null, "555-555-0199",
                new Address("7 Example Road", "Springfield", "Hampden County", "MA", "01103", 42.1015, -72.5898),
                "Springfield, MA", MaritalStatus.WIDOWED, "english", 31000, Education.HIGH_SCHOOL);
        return new PatientRecord(1, d, millis(2023, 8, 9), new Code(Code.SNOMED, "22298006",
                "Myocardial infarction (disorder)"), millis(2025, 6, 1), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * A patient whose free text needs CSV quoting (commas, quotes, a line break, an apostrophe), with
     * an ended medication, an observation without value or components, a text-valued observation, a
     * nested panel and an allergy without category.
     */
    public static PatientRecord awkwardTextPatient() {
        Demographics d = new Demographics("3f2c9a1e-0000-4000-8000-000000000003", null, "Siobhán", "O'Brien", null,
                Sex.FEMALE, LocalDate.of(2001, 12, 31), Race.ASIAN, false, "999-44-1234", null, null, "555-555-0101",
                new Address("Apt 4, \"The Annex\"\n9 Sample Street", "Boston", "Suffolk County", "MA", "02110",
                        42.3555, -71.0565), "Cork, Ireland", MaritalStatus.NEVER_MARRIED, "english", 24000,
                Education.BACHELORS_OR_HIGHER);
        String enc = "3f2c9a1e-0000-4000-8000-000000001101";
        long start = millis(2024, 2, 29) + 13 * 3_600_000L + 5 * 60_000L + 7_000L;
        Code fracture = new Code(Code.SNOMED, "65966004", "Fracture of \"left\" forearm, closed (disorder)");
        Encounter urgent = new Encounter(enc, EncounterClass.URGENT_CARE,
                new Code(Code.SNOMED, "702927004", "Urgent care clinic (environment)"), start, fracture);
        urgent.end(start + 2 * 3_600_000L);
        ConditionEntry condition = new ConditionEntry("3f2c9a1e-0000-4000-8000-000000001201", fracture, start, enc);
        condition.end(start + 42 * 86_400_000L);
        AllergyEntry allergy = new AllergyEntry("3f2c9a1e-0000-4000-8000-000000001301",
                new Code(Code.RXNORM, "7980", "Penicillin G"), start, enc, "intolerance", null);
        MedicationEntry ibuprofen = new MedicationEntry("3f2c9a1e-0000-4000-8000-000000001401",
                new Code(Code.RXNORM, "310965", "Ibuprofen 200 MG Oral Tablet"), start, enc, fracture, false);
        ibuprofen.end(start + 65 * 86_400_000L);
        ObservationEntry pain = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000001501",
                new Code(Code.LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
                "survey", start, enc, "Reports \"sharp\" pain, worse at night", null, null);
        ObservationEntry empty = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000001502",
                new Code(Code.LOINC, "29463-7", "Body weight"), "vital-signs", start, enc, null, "kg", null);
        ObservationEntry height = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000001503",
                new Code(Code.LOINC, "8302-2", "Body height"), "vital-signs", start, enc, 165.25, "cm", null);
        ObservationEntry systolic = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000001505",
                new Code(Code.LOINC, "8480-6", "Systolic blood pressure"), "vital-signs", start, enc, 118.0, "mm[Hg]",
                null);
        ObservationEntry innerPanel = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000001506",
                new Code(Code.LOINC, "85354-9", "Blood pressure panel with all children optional"), "vital-signs",
                start, enc, null, null, List.of(systolic));
        ObservationEntry outerPanel = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000001504",
                new Code(Code.LOINC, "85353-1", "Vital signs, weight, height, head circumference, oxygen saturation "
                        + "and BMI panel"), "vital-signs", start, enc, null, null, List.of(height, innerPanel));
        ProcedureEntry splint = new ProcedureEntry("3f2c9a1e-0000-4000-8000-000000001601",
                new Code(Code.SNOMED, "79321009", "Application of splint (procedure)"), start,
                start + 20 * 60_000L, enc, fracture);
        return new PatientRecord(2, d, Entry.OPEN, null, millis(2025, 6, 1),
                List.of(urgent), List.of(condition), List.of(allergy), List.of(ibuprofen),
                List.of(pain, empty, outerPanel), List.of(splint), List.of(), List.of(), List.of());
    }

    /**
     * A living child exercising the less common shapes: an encounter still in progress, a stopped
     * medication whose reason was never diagnosed, a condition whose encounter predates the export
     * window (dropped), a string-valued observation, an allergy without category, a finished care
     * plan, a removed device, no maiden name or travel documents, and a language without a code.
     */
    public static PatientRecord edgeCaseChild() {
        Demographics d = new Demographics("3f2c9a1e-0000-4000-8000-000000000003", null, "Ava", "Nguyen", null,
                Sex.FEMALE, LocalDate.of(2016, 2, 29), Race.ASIAN, false, "999-44-1122", null, null, null,
                new Address("3 Placeholder Lane", "Lowell", "Middlesex County", "MA", "01852", 42.6334, -71.3162),
                "Lowell, MA", MaritalStatus.NEVER_MARRIED, "klingon", 0, Education.LESS_THAN_HIGH_SCHOOL);
        String open = "3f2c9a1e-0000-4000-8000-000000000111";
        Encounter inpatient = new Encounter(open, EncounterClass.INPATIENT,
                new Code(Code.SNOMED, "32485007", "Hospital admission (procedure)"),
                millis(2025, 5, 30) + 14 * 3_600_000L + 1_250L, null);
        ConditionEntry asthma = new ConditionEntry("3f2c9a1e-0000-4000-8000-000000000211",
                new Code(Code.SNOMED, "195967001", "Asthma (disorder)"), millis(2019, 4, 1),
                "3f2c9a1e-0000-4000-8000-000000000199");
        AllergyEntry pollen = new AllergyEntry("3f2c9a1e-0000-4000-8000-000000000311",
                new Code(Code.SNOMED, "419474003", "Allergy to mould (finding)"), inpatient.start(), open,
                "intolerance", null);
        pollen.end(millis(2025, 5, 31));
        MedicationEntry amoxicillin = new MedicationEntry("3f2c9a1e-0000-4000-8000-000000000411",
                new Code(Code.RXNORM, "308182", "Amoxicillin 250 MG Oral Capsule"), inpatient.start(), open,
                new Code(Code.SNOMED, "43878008", "Streptococcal sore throat (disorder)"), false);
        amoxicillin.end(millis(2025, 5, 31));
        ObservationEntry note = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000000511",
                new Code(Code.LOINC, "8310-5", "Body temperature"), "vital-signs", inpatient.start(), open,
                "afebrile to touch", null, null);
        ObservationEntry weight = new ObservationEntry("3f2c9a1e-0000-4000-8000-000000000512",
                new Code(Code.LOINC, "29463-7", "Body weight"), "vital-signs", inpatient.start(), null,
                31.25, "kg", null);
        ProcedureEntry xray = new ProcedureEntry("3f2c9a1e-0000-4000-8000-000000000611",
                new Code(Code.SNOMED, "399208008", "Plain chest X-ray (procedure)"), inpatient.start(),
                inpatient.start() + 20 * 60_000L, open, new Code(Code.SNOMED, "195967001", "Asthma (disorder)"));
        CarePlanEntry asthmaPlan = new CarePlanEntry("3f2c9a1e-0000-4000-8000-000000000811",
                new Code(Code.SNOMED, "699728000", "Asthma self management"), millis(2024, 1, 10), open,
                List.of(new Code(Code.SNOMED, "710081004", "Smoke free environment")),
                new Code(Code.SNOMED, "195967001", "Asthma (disorder)"));
        asthmaPlan.end(millis(2025, 1, 10));
        DeviceEntry nebulizer = new DeviceEntry("3f2c9a1e-0000-4000-8000-000000000911",
                new Code(Code.SNOMED, "334990003", "Nebulizer (physical object)"), millis(2024, 1, 10), null);
        nebulizer.end(millis(2025, 1, 10));
        return new PatientRecord(2, d, Entry.OPEN, null, millis(2025, 6, 1),
                List.of(inpatient), List.of(asthma), List.of(pollen), List.of(amoxicillin), List.of(note, weight),
                List.of(xray), List.of(), List.of(asthmaPlan), List.of(nebulizer));
    }
}
