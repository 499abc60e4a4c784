package org.patientgen.engine.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.module.GmfFixture.DAY;
import static org.patientgen.engine.module.GmfFixture.birth;
import static org.patientgen.engine.module.GmfFixture.birthday;
import static org.patientgen.engine.module.GmfFixture.code;
import static org.patientgen.engine.module.GmfFixture.condition;
import static org.patientgen.engine.module.GmfFixture.endTime;
import static org.patientgen.engine.module.GmfFixture.has;
import static org.patientgen.engine.module.GmfFixture.only;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.model.AllergyEntry;
import org.patientgen.engine.model.CarePlanEntry;
import org.patientgen.engine.model.Code;
import org.patientgen.engine.model.ConditionEntry;
import org.patientgen.engine.model.DeviceEntry;
import org.patientgen.engine.model.Encounter;
import org.patientgen.engine.model.EncounterClass;
import org.patientgen.engine.model.MedicationEntry;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.model.ProcedureEntry;

/**
 * GMF states that write the health record: Encounter (wellness and not), EncounterEnd,
 * ConditionOnset (with and without target_encounter), ConditionEnd, AllergyOnset/End,
 * MedicationOrder/End, Observation, MultiObservation, DiagnosticReport, Procedure,
 * CarePlanStart/End, Device/DeviceEnd, ImagingStudy, SupplyList and Vaccine.
 */
class ModuleClinicalStatesTest {
    @TempDir
    Path dir;

    private List<PatientRecord> run(String states, int patients) {
        return new GmfFixture(dir).module("m", "{\"name\": \"m\", \"states\": {" + states
                + ", \"Terminal\": {\"type\": \"Terminal\"}}}").simulate(patients);
    }

    @Test
    void conditionTargetingAWellnessEncounterIsDiagnosedAtTheFirstVisitAfterTheGuard() {
        List<PatientRecord> patients = run("""
                "Initial": {"type": "Initial", "direct_transition": "Age40"},
                "Age40": {"type": "Guard", "allow": {"condition_type": "Age", "operator": ">=", "quantity": 40,
                          "unit": "years"}, "direct_transition": "Onset"},
                "Onset": {"type": "ConditionOnset", "codes": [%s], "target_encounter": "Checkup",
                          "direct_transition": "Checkup"},
                "Checkup": {"type": "Encounter", "wellness": true, "direct_transition": "Terminal"}
                """.formatted(code("HTN")), 40);
        int diagnosed = 0;
        for (PatientRecord p : patients) {
            if (!has(p, "HTN")) {
                continue;
            }
            diagnosed++;
            ConditionEntry c = condition(p, "HTN");
            Encounter visit = p.encounters().stream().filter(e -> e.id().equals(c.encounterId())).findFirst()
                    .orElseThrow();
            assertThat(visit.encounterClass()).isEqualTo(EncounterClass.WELLNESS);
            assertThat(c.start()).isEqualTo(visit.start()).isGreaterThanOrEqualTo(birthday(p, 40));
            // it joined the first wellness visit after the 40th birthday, not a later one
            assertThat(p.encounters()).filteredOn(e -> e.encounterClass() == EncounterClass.WELLNESS
                    && e.start() >= birthday(p, 40) && e.start() < visit.start()).isEmpty();
        }
        assertThat(diagnosed).isPositive();
        assertThat(patients).filteredOn(p -> birthday(p, 40) > endTime()).allSatisfy(p ->
                assertThat(has(p, "HTN")).isFalse());
    }

    @Test
    void nonWellnessEncounterRecordsClassTypeReasonAndEndsAtEncounterEnd() {
        List<PatientRecord> patients = run("""
                "Initial": {"type": "Initial", "direct_transition": "Pending"},
                "Pending": {"type": "ConditionOnset", "codes": [%s], "target_encounter": "Admit",
                            "assign_to_attribute": "why", "direct_transition": "Later"},
                "Later": {"type": "Delay", "exact": {"quantity": 30, "unit": "days"}, "direct_transition": "Admit"},
                "Admit": {"type": "Encounter", "encounter_class": "inpatient", "codes": [%s], "reason": "why",
                          "direct_transition": "Stay"},
                "Stay": {"type": "Delay", "exact": {"quantity": 2, "unit": "days"}, "direct_transition": "Discharge"},
                "Discharge": {"type": "EncounterEnd", "discharge_disposition": {"system": "NUBC", "code": "01",
                              "display": "Discharged home"}, "direct_transition": "Terminal"}
                """.formatted(code("PNEU"), code("ADMIT")), 4);
        for (PatientRecord p : patients) {
            Encounter stay = only(p.encounters(), "ADMIT");
            assertThat(stay.encounterClass()).isEqualTo(EncounterClass.INPATIENT);
            assertThat(stay.start()).isEqualTo(birth(p) + 30 * DAY);
            assertThat(stay.stop()).isEqualTo(stay.start() + 2 * DAY);
            assertThat(stay.dischargeDisposition().code()).isEqualTo("01");
            // the pending diagnosis waited for its target encounter
            ConditionEntry c = condition(p, "PNEU");
            assertThat(c.start()).isEqualTo(stay.start());
            assertThat(c.encounterId()).isEqualTo(stay.id());
            assertThat(stay.reason().code()).isEqualTo("PNEU");
        }
    }

    @Test
    void conditionAndAllergyEndByOnsetStateAttributeAndCodes() {
        List<PatientRecord> patients = run("""
                "Initial": {"type": "Initial", "direct_transition": "C1"},
                "C1": {"type": "ConditionOnset", "codes": [%s], "direct_transition": "C2"},
                "C2": {"type": "ConditionOnset", "codes": [%s], "assign_to_attribute": "c2", "direct_transition": "C3"},
                "C3": {"type": "ConditionOnset", "codes": [%s], "direct_transition": "A1"},
                "A1": {"type": "AllergyOnset", "codes": [%s], "allergy_type": "intolerance", "category": "food",
                       "target_encounter": "Visit", "assign_to_attribute": "peanut", "direct_transition": "Visit"},
                "Visit": {"type": "Encounter", "encounter_class": "ambulatory", "codes": [%s], "direct_transition": "Wait"},
                "Wait": {"type": "Delay", "exact": {"quantity": 10, "unit": "days"}, "direct_transition": "E1"},
                "E1": {"type": "ConditionEnd", "condition_onset": "C1", "direct_transition": "E2"},
                "E2": {"type": "ConditionEnd", "referenced_by_attribute": "c2", "direct_transition": "E3"},
                "E3": {"type": "ConditionEnd", "codes": [%s], "direct_transition": "Wait2"},
                "Wait2": {"type": "Delay", "exact": {"quantity": 1, "unit": "days"}, "direct_transition": "AE"},
                "AE": {"type": "AllergyEnd", "referenced_by_attribute": "peanut", "direct_transition": "Terminal"}
                """.formatted(code("C1"), code("C2"), code("C3"), code("PEANUT"), code("VISIT"), code("C3")), 3);
        for (PatientRecord p : patients) {
            long start = birth(p);
            for (String c : List.of("C1", "C2", "C3")) {
                assertThat(condition(p, c).start()).isEqualTo(start);
                assertThat(condition(p, c).stop()).as(c).isEqualTo(start + 10 * DAY);
            }
            AllergyEntry a = only(p.allergies(), "PEANUT");
            assertThat(a.type()).isEqualTo("intolerance");
            assertThat(a.category()).isEqualTo("food");
            assertThat(a.encounterId()).isEqualTo(only(p.encounters(), "VISIT").id());
            assertThat(a.stop()).isEqualTo(start + 11 * DAY);
        }
    }

    @Test
    void medicationOrderRecordsReasonAndChronicAndEndsAfterTheDelay() {
        List<PatientRecord> patients = run("""
                "Initial": {"type": "Initial", "direct_transition": "Dx"},
                "Dx": {"type": "ConditionOnset", "codes": [%s], "direct_transition": "Rx"},
                "Rx": {"type": "MedicationOrder", "codes": [{"system": "RxNorm", "code": "RX1", "display": "pill"}],
                       "reason": "Dx", "chronic": true, "assign_to_attribute": "med",
                       "prescription": {"dosage": {"amount": 1}}, "direct_transition": "Course"},
                "Course": {"type": "Delay", "exact": {"quantity": 3, "unit": "days"}, "direct_transition": "Stop"},
                "Stop": {"type": "MedicationEnd", "medication_order": "Rx", "direct_transition": "Rx2"},
                "Rx2": {"type": "MedicationOrder", "codes": [{"system": "RxNorm", "code": "RX2", "display": "pill"}],
                        "assign_to_attribute": "med2", "direct_transition": "Course2"},
                "Course2": {"type": "Delay", "exact": {"quantity": 1, "unit": "days"}, "direct_transition": "Stop2"},
                "Stop2": {"type": "MedicationEnd", "referenced_by_attribute": "med2", "direct_transition": "Terminal"}
                """.formatted(code("DX")), 3);
        for (PatientRecord p : patients) {
            MedicationEntry m = only(p.medications(), "RX1");
            assertThat(m.code().system()).isEqualTo(Code.RXNORM);
            assertThat(m.reason().code()).isEqualTo("DX");
            assertThat(m.chronic()).isTrue();
            assertThat(m.stop() - m.start()).isEqualTo(3 * DAY);
            MedicationEntry m2 = only(p.medications(), "RX2");
            assertThat(m2.chronic()).isFalse();
            assertThat(m2.stop() - m2.start()).isEqualTo(DAY);
        }
    }

    @Test
    void observationsPanelsAndReportsRecordTheirValues() {
        List<PatientRecord> patients = run("""
                "Initial": {"type": "Initial", "direct_transition": "Lab"},
                "Lab": {"type": "Observation", "category": "laboratory", "unit": "%%",
                        "codes": [{"system": "LOINC", "code": "L-EXACT", "display": "exact"}],
                        "exact": {"quantity": 7.4}, "direct_transition": "Coded"},
                "Coded": {"type": "Observation", "category": "survey", "unit": "",
                          "codes": [{"system": "LOINC", "code": "L-CODED", "display": "coded"}],
                          "value_code": %s, "direct_transition": "Panel"},
                "Panel": {"type": "MultiObservation", "category": "vital-signs", "number_of_observations": 2,
                          "codes": [{"system": "LOINC", "code": "L-PANEL", "display": "panel"}],
                          "observations": [
                            {"category": "vital-signs", "unit": "mm[Hg]", "range": {"low": 100, "high": 140},
                             "codes": [{"system": "LOINC", "code": "L-SYS", "display": "sys"}]},
                            {"category": "vital-signs", "unit": "mm[Hg]", "exact": {"quantity": 80},
                             "codes": [{"system": "LOINC", "code": "L-DIA", "display": "dia"}]}],
                          "direct_transition": "Report"},
                "Report": {"type": "DiagnosticReport", "number_of_observations": 1,
                           "codes": [{"system": "LOINC", "code": "L-REPORT", "display": "report"}],
                           "observations": [
                             {"category": "laboratory", "unit": "mg/dL", "range": {"low": 3, "high": 4},
                              "codes": [{"system": "LOINC", "code": "L-PART", "display": "part"}]}],
                           "direct_transition": "Terminal"}
                """.formatted(code("POSITIVE")), 3);
        for (PatientRecord p : patients) {
            ObservationEntry exact = only(p.observations(), "L-EXACT");
            assertThat(exact.value()).isEqualTo(7.4);
            assertThat(exact.unit()).isEqualTo("%");
            assertThat(exact.category()).isEqualTo("laboratory");
            assertThat(((Code) only(p.observations(), "L-CODED").value()).code()).isEqualTo("POSITIVE");
            ObservationEntry panel = only(p.observations(), "L-PANEL");
            assertThat(panel.value()).isNull();
            assertThat(panel.components()).extracting(o -> o.code().code()).containsExactly("L-SYS", "L-DIA");
            assertThat((Double) panel.components().get(0).value()).isBetween(100.0, 140.0);
            assertThat(panel.components().get(1).value()).isEqualTo(80.0);
            // a DiagnosticReport's results are individual observations conditions can read
            assertThat((Double) only(p.observations(), "L-PART").value()).isBetween(3.0, 4.0);
        }
    }

    @Test
    void proceduresImagingAndVaccinesAreRecordedInTheModuleEncounter() {
        List<PatientRecord> patients = run("""
                "Initial": {"type": "Initial", "direct_transition": "Dx"},
                "Dx": {"type": "ConditionOnset", "codes": [%s], "direct_transition": "Visit"},
                "Visit": {"type": "Encounter", "encounter_class": "outpatient", "codes": [%s], "direct_transition": "Op"},
                "Op": {"type": "Procedure", "codes": [%s], "reason": "Dx",
                       "duration": {"low": 30, "high": 60, "unit": "minutes"}, "direct_transition": "Op2"},
                "Op2": {"type": "Procedure", "codes": [%s],
                        "distribution": {"kind": "EXACT", "parameters": {"value": 2}}, "unit": "hours",
                        "direct_transition": "Scan"},
                "Scan": {"type": "ImagingStudy", "procedure_code": %s, "series": [], "direct_transition": "Shot"},
                "Shot": {"type": "Vaccine", "series": 1, "codes": [{"system": "CVX", "code": "T-VAX", "display": "test vaccine"}],
                         "direct_transition": "Supplies"},
                "Supplies": {"type": "SupplyList", "supplies": [], "direct_transition": "End"},
                "End": {"type": "EncounterEnd", "direct_transition": "Terminal"}
                """.formatted(code("DX"), code("VISIT"), code("OP"), code("OP2"), code("SCAN")), 3);
        for (PatientRecord p : patients) {
            Encounter visit = only(p.encounters(), "VISIT");
            assertThat(visit.encounterClass()).isEqualTo(EncounterClass.OUTPATIENT);
            ProcedureEntry op = only(p.procedures(), "OP");
            assertThat(op.encounterId()).isEqualTo(visit.id());
            assertThat(op.reason().code()).isEqualTo("DX");
            assertThat(op.stop() - op.start()).isBetween(30 * 60_000L, 60 * 60_000L);
            ProcedureEntry op2 = only(p.procedures(), "OP2");
            assertThat(op2.stop() - op2.start()).isEqualTo(2 * 3_600_000L);
            assertThat(only(p.procedures(), "SCAN").encounterId()).isEqualTo(visit.id());
            assertThat(only(p.immunizations(), "T-VAX").encounterId()).isEqualTo(visit.id());
        }
    }

    @Test
    void carePlansAndDevicesStartAndEnd() {
        List<PatientRecord> patients = run("""
                "Initial": {"type": "Initial", "direct_transition": "Dx"},
                "Dx": {"type": "ConditionOnset", "codes": [%s], "assign_to_attribute": "dx", "direct_transition": "Plan"},
                "Plan": {"type": "CarePlanStart", "codes": [%s], "activities": [%s], "reason": "dx",
                         "goals": [], "direct_transition": "Plan2"},
                "Plan2": {"type": "CarePlanStart", "codes": [%s], "assign_to_attribute": "plan2",
                          "direct_transition": "Device"},
                "Device": {"type": "Device", "code": %s, "assign_to_attribute": "dev", "direct_transition": "Device2"},
                "Device2": {"type": "Device", "code": %s, "direct_transition": "Wait"},
                "Wait": {"type": "Delay", "exact": {"quantity": 7, "unit": "days"}, "direct_transition": "End1"},
                "End1": {"type": "CarePlanEnd", "careplan": "Plan", "direct_transition": "End2"},
                "End2": {"type": "CarePlanEnd", "referenced_by_attribute": "plan2", "direct_transition": "End3"},
                "End3": {"type": "DeviceEnd", "device": "Device", "direct_transition": "End4"},
                "End4": {"type": "DeviceEnd", "codes": [%s], "direct_transition": "Terminal"}
                """.formatted(code("DX"), code("PLAN"), code("ACT"), code("PLAN2"), code("DEV"), code("DEV2"),
                code("DEV2")), 3);
        for (PatientRecord p : patients) {
            CarePlanEntry plan = only(p.carePlans(), "PLAN");
            assertThat(plan.activities()).extracting(Code::code).containsExactly("ACT");
            assertThat(plan.reason().code()).isEqualTo("DX");
            assertThat(plan.stop() - plan.start()).isEqualTo(7 * DAY);
            assertThat(only(p.carePlans(), "PLAN2").stop() - plan.start()).isEqualTo(7 * DAY);
            DeviceEntry dev = only(p.devices(), "DEV");
            assertThat(dev.stop() - dev.start()).isEqualTo(7 * DAY);
            assertThat(only(p.devices(), "DEV2").stop() - dev.start()).isEqualTo(7 * DAY);
        }
    }
}
