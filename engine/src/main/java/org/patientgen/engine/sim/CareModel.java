package org.patientgen.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.EncounterClass;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.reference.CareSchedules;
import org.patientgen.engine.reference.WeightedChoice;

/**
 * Routine and unplanned care that every person receives regardless of modules: wellness visits
 * on the age schedule (vital signs, smoking status, immunizations) and emergency visits, some of
 * which lead to an inpatient stay.
 */
final class CareModel {
    static final Code WELL_CHILD = new Code(Code.SNOMED, "410620009", "Well child visit (procedure)");
    static final Code GENERAL_EXAM = new Code(Code.SNOMED, "162673000", "General examination of patient (procedure)");
    static final Code EMERGENCY_VISIT = new Code(Code.SNOMED, "50849002", "Emergency room admission (procedure)");
    static final Code HOSPITAL_ADMISSION = new Code(Code.SNOMED, "183452005", "Emergency hospital admission (procedure)");
    static final Code BP_PANEL = new Code(Code.LOINC, "85354-9", "Blood pressure panel with all children optional");
    static final Code SMOKING_STATUS = new Code(Code.LOINC, "72166-2", "Tobacco smoking status");
    static final Code CURRENT_SMOKER = new Code(Code.SNOMED, "449868002", "Smokes tobacco daily (finding)");
    static final Code FORMER_SMOKER = new Code(Code.SNOMED, "8517006", "Ex-smoker (finding)");
    static final Code NEVER_SMOKER = new Code(Code.SNOMED, "266919005", "Never smoked tobacco (finding)");
    static final Code DEATH_CERTIFICATION = new Code(Code.SNOMED, "308646001", "Death Certification");
    static final Code CAUSE_OF_DEATH = new Code(Code.LOINC, "69453-9", "Cause of Death [US Standard Certificate of Death]");
    static final Code DEATH_NATURAL = new Code(Code.SNOMED, "419620001", "Death (event)");
    static final Code DISCHARGED_HOME = new Code("http://terminology.hl7.org/CodeSystem/discharge-disposition", "home",
            "Home");

    /** Why people come to the emergency department, with the share admitted (NHAMCS top reasons). */
    record Complaint(Code code, double admitProbability, long resolveDays) {
    }

    private static final WeightedChoice<Complaint> COMPLAINTS = new WeightedChoice<>(List.of(
            new Complaint(new Code(Code.SNOMED, "21522001", "Abdominal pain (finding)"), 0.10, 7),
            new Complaint(new Code(Code.SNOMED, "29857009", "Chest pain (finding)"), 0.15, 5),
            new Complaint(new Code(Code.SNOMED, "386661006", "Fever (finding)"), 0.05, 5),
            new Complaint(new Code(Code.SNOMED, "161891005", "Backache (finding)"), 0.02, 21),
            new Complaint(new Code(Code.SNOMED, "44465007", "Sprain of ankle (disorder)"), 0.0, 28),
            new Complaint(new Code(Code.SNOMED, "25064002", "Headache (finding)"), 0.03, 3),
            new Complaint(new Code(Code.SNOMED, "267036007", "Dyspnea (finding)"), 0.20, 7),
            new Complaint(new Code(Code.SNOMED, "422587007", "Nausea (finding)"), 0.05, 3),
            new Complaint(new Code(Code.SNOMED, "65966004", "Fracture of forearm (disorder)"), 0.10, 56),
            new Complaint(new Code(Code.SNOMED, "233604007", "Pneumonia (disorder)"), 0.40, 21),
            new Complaint(new Code(Code.SNOMED, "128045006", "Cellulitis (disorder)"), 0.20, 14),
            new Complaint(new Code(Code.SNOMED, "404640003", "Dizziness (finding)"), 0.10, 5)),
            new double[] {15, 10, 8, 8, 10, 7, 7, 6, 5, 5, 4, 4});

    private final CareSchedules schedules = CareSchedules.get();
    private final boolean[] doseGiven;
    private final long[] lastRepeatDose;

    CareModel() {
        int n = schedules.doses().size();
        doseGiven = new boolean[n];
        lastRepeatDose = new long[n];
        java.util.Arrays.fill(lastRepeatDose, Long.MIN_VALUE);
    }

    /** When the next wellness visit after one at {@code time} is due. */
    long nextWellness(Person person, long time, RandomGenerator random) {
        double ageMonths = person.ageYearsExact(time) * 12;
        double interval = schedules.intervalAt(ageMonths);
        double jitterDays = interval >= 12 ? (random.nextDouble() - 0.5) * 28 : 0;
        return time + Math.round(interval * Person.MILLIS_PER_YEAR / 12 + jitterDays * Person.MILLIS_PER_DAY);
    }

    /** The first wellness visit: the newborn visit, 3–5 days after birth, at 9–16 h. */
    long firstWellness(Person person, RandomGenerator random) {
        return person.birthTime() + (3 + random.nextInt(3)) * Person.MILLIS_PER_DAY + visitHour(random);
    }

    static long visitHour(RandomGenerator random) {
        return (9 + random.nextInt(8)) * 3_600_000L + random.nextInt(4) * 15 * 60_000L;
    }

    /** Opens a wellness encounter and records vitals, smoking status and due immunizations. */
    Encounter startWellnessVisit(Person person, long time, RandomGenerator random, Boolean smoker, boolean everSmoker) {
        int age = person.ageYears(time);
        Encounter e = person.startEncounter(EncounterClass.WELLNESS, age < 18 ? WELL_CHILD : GENERAL_EXAM, time, null);
        recordVital(person, VitalSign.HEIGHT, time, e);
        recordVital(person, VitalSign.WEIGHT, time, e);
        if (age >= 2) {
            recordVital(person, VitalSign.BMI, time, e);
        }
        if (age >= 3) {
            List<ObservationEntry> parts = new ArrayList<>(2);
            parts.add(person.component(VitalSign.DIASTOLIC_BLOOD_PRESSURE.loinc(), "vital-signs", time, e,
                    person.vital(VitalSign.DIASTOLIC_BLOOD_PRESSURE), VitalSign.DIASTOLIC_BLOOD_PRESSURE.unit()));
            parts.add(person.component(VitalSign.SYSTOLIC_BLOOD_PRESSURE.loinc(), "vital-signs", time, e,
                    person.vital(VitalSign.SYSTOLIC_BLOOD_PRESSURE), VitalSign.SYSTOLIC_BLOOD_PRESSURE.unit()));
            person.recordObservation(BP_PANEL, "vital-signs", time, e, null, null, parts);
        }
        recordVital(person, VitalSign.HEART_RATE, time, e);
        recordVital(person, VitalSign.RESPIRATION_RATE, time, e);
        if (age >= 18) {
            Code status = Boolean.TRUE.equals(smoker) ? CURRENT_SMOKER : everSmoker ? FORMER_SMOKER : NEVER_SMOKER;
            person.recordObservation(SMOKING_STATUS, "social-history", time, e, status, null, null);
        }
        immunize(person, time, e, random);
        return e;
    }

    private static void recordVital(Person person, VitalSign sign, long time, Encounter e) {
        Double v = person.vital(sign);
        if (v != null) {
            person.recordObservation(sign.loinc(), "vital-signs", time, e, v, sign.unit(), null);
        }
    }

    /**
     * Gives every dose that is due: childhood series doses once (with ~93% coverage, NIS-Child),
     * catching up for up to two years; repeating doses (influenza, Td) when the interval has passed,
     * influenza with age-specific seasonal coverage (FluVaxView: ~55% children, ~45% adults, ~70% 65+).
     */
    private void immunize(Person person, long time, Encounter e, RandomGenerator random) {
        long ageMonths = person.ageMonths(time);
        List<CareSchedules.Dose> doses = schedules.doses();
        for (int i = 0; i < doses.size(); i++) {
            CareSchedules.Dose d = doses.get(i);
            if (ageMonths < d.ageMonths()) {
                break; // sorted by age
            }
            if (d.repeatMonths() > 0) {
                long last = lastRepeatDose[i];
                long due = last == Long.MIN_VALUE ? Long.MIN_VALUE : last + (d.repeatMonths() - 1) * Person.MILLIS_PER_YEAR / 12;
                if (time >= due) {
                    double coverage = d.repeatMonths() == 12 ? (ageMonths < 216 ? 0.55 : ageMonths < 780 ? 0.45 : 0.70) : 0.6;
                    if (random.nextDouble() < coverage) {
                        person.recordImmunization(d.vaccine(), time, e);
                        lastRepeatDose[i] = time;
                    }
                }
            } else if (!doseGiven[i] && ageMonths < d.ageMonths() + 24) {
                doseGiven[i] = true;
                if (random.nextDouble() < 0.93) {
                    person.recordImmunization(d.vaccine(), time, e);
                }
            }
        }
    }

    /**
     * Records the death certificate: an encounter right after death with the cause of death as an
     * observation (LOINC 69453-9), so exports and the realism report can count deaths by cause.
     * Background (life-table) deaths have no specific cause and are certified as "Death (event)".
     * Recorded at the instant of death so it never falls after the end date.
     */
    static void certifyDeath(Person person, long death) {
        long time = death;
        Encounter e = person.startEncounter(EncounterClass.AMBULATORY, DEATH_CERTIFICATION, time,
                person.causeOfDeath());
        Code cause = person.causeOfDeath() == null ? DEATH_NATURAL : person.causeOfDeath();
        person.recordObservation(CAUSE_OF_DEATH, "exam", time, e, cause, null, null);
        e.end(time + 15 * 60_000L);
    }

    /**
     * Emergency visits per person-year by age (CDC NHAMCS 2021, visits per 100 persons:
     * under 15: 33, 15–24: 43, 25–44: 44, 45–64: 36, 65–74: 37, 75+: 62).
     */
    static double emergencyRate(int age) {
        if (age < 15) {
            return 0.33;
        }
        if (age < 25) {
            return 0.43;
        }
        if (age < 45) {
            return 0.44;
        }
        if (age < 65) {
            return 0.36;
        }
        return age < 75 ? 0.37 : 0.62;
    }

    /** The next emergency visit after {@code time}: exponential waiting time at the age's rate. */
    static long nextEmergency(Person person, long time, RandomGenerator random) {
        double rate = emergencyRate(person.ageYears(time));
        double years = -Math.log(1 - random.nextDouble()) / rate;
        return time + Math.round(years * Person.MILLIS_PER_YEAR);
    }

    /** An emergency visit (2–6 h) for a common complaint, possibly followed by an inpatient stay. */
    static void emergencyVisit(Person person, long time, RandomGenerator random) {
        Complaint c = COMPLAINTS.sample(random);
        Encounter ed = person.startEncounter(EncounterClass.EMERGENCY, EMERGENCY_VISIT, time, c.code());
        boolean alreadyActive = person.hasActiveCondition(c.code().code());
        person.onsetCondition(c.code(), time, ed);
        long edEnd = time + (2 + random.nextInt(5)) * 3_600_000L;
        ed.end(edEnd);
        long resolved = edEnd + c.resolveDays() * Person.MILLIS_PER_DAY;
        if (random.nextDouble() < c.admitProbability()) {
            Encounter stay = person.startEncounter(EncounterClass.INPATIENT, HOSPITAL_ADMISSION, edEnd, c.code());
            // length of stay: 1 day minimum, mean ~4.5 days (HCUP National Inpatient Sample)
            long los = Math.round((1 + -Math.log(1 - random.nextDouble()) * 3.5) * Person.MILLIS_PER_DAY);
            stay.end(edEnd + los);
            stay.setDischargeDisposition(DISCHARGED_HOME);
            resolved += los;
        }
        if (!alreadyActive) {
            // the complaint resolves; a condition a module manages is left to that module
            person.endCondition(c.code().code(), resolved);
        }
    }
}
