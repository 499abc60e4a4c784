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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.model.ObservationEntry;
import org.patientgen.engine.model.PatientRecord;

/**
 * Control-flow and person-state GMF states, run through the real simulator: Initial, Simple,
 * Terminal, Guard, Delay (exact, range, distribution), SetAttribute, Counter, CallSubmodule,
 * Symptom, VitalSign and Death.
 */
class ModuleControlStatesTest {
    @TempDir
    Path dir;

    private GmfFixture fixture() {
        return new GmfFixture(dir);
    }

    @Test
    void initialSimpleAndTerminalRunAtBirthAndStop() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Pass"},
                  "Pass": {"type": "Simple", "direct_transition": "Onset"},
                  "Onset": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(GmfFixture.onset("T1", "Terminal"))).simulate(5);
        for (PatientRecord p : patients) {
            assertThat(condition(p, "T1").start()).isEqualTo(birth(p));
            assertThat(condition(p, "T1").encounterId()).isNull();
        }
    }

    @Test
    void delayExactRangeAndDistributionWaitTheirDuration() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "A"},
                  "A": %s,
                  "Exact": {"type": "Delay", "exact": {"quantity": 3, "unit": "days"}, "direct_transition": "B"},
                  "B": %s,
                  "Range": {"type": "Delay", "range": {"low": 2, "high": 4, "unit": "weeks"}, "direct_transition": "C"},
                  "C": %s,
                  "Dist": {"type": "Delay", "distribution": {"kind": "EXACT", "parameters": {"value": 10}},
                           "unit": "days", "direct_transition": "D"},
                  "D": %s,
                  "Gauss": {"type": "Delay", "distribution": {"kind": "GAUSSIAN",
                            "parameters": {"mean": 30, "standardDeviation": 5, "min": 28, "max": 29}},
                            "unit": "days", "direct_transition": "E"},
                  "E": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(GmfFixture.onset("A", "Exact"), GmfFixture.onset("B", "Range"),
                GmfFixture.onset("C", "Dist"), GmfFixture.onset("D", "Gauss"), GmfFixture.onset("E", "Terminal")))
                .simulate(20);
        Set<Long> rangeDelays = new HashSet<>();
        for (PatientRecord p : patients) {
            long a = condition(p, "A").start();
            long b = condition(p, "B").start();
            long c = condition(p, "C").start();
            long d = condition(p, "D").start();
            long e = condition(p, "E").start();
            assertThat(b - a).isEqualTo(3 * DAY);
            assertThat(c - b).isBetween(14 * DAY, 28 * DAY);
            rangeDelays.add(c - b);
            assertThat(d - c).isEqualTo(10 * DAY);
            // the Gaussian draw is clamped to [min, max] = [28, 29] days
            assertThat(e - d).isBetween(28 * DAY, 29 * DAY);
        }
        assertThat(rangeDelays).as("range delays are drawn per patient").hasSizeGreaterThan(10);
    }

    @Test
    void guardWaitsForAgeAndReleasesOnTheBirthday() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Wait"},
                  "Wait": {"type": "Guard", "allow": {"condition_type": "Age", "operator": ">=", "quantity": 18,
                           "unit": "years"}, "direct_transition": "Adult"},
                  "Adult": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(GmfFixture.onset("ADULT", "Terminal"))).simulate(30);
        int adults = 0;
        for (PatientRecord p : patients) {
            long eighteenth = birthday(p, 18);
            if (eighteenth < Math.min(endTime(), p.deathTime())) {
                adults++;
                assertThat(condition(p, "ADULT").start()).isEqualTo(eighteenth);
            } else {
                assertThat(has(p, "ADULT")).isFalse();
            }
        }
        assertThat(adults).isPositive();
    }

    @Test
    void guardIsRecheckedWhenAnotherModuleChangesTheAttributeItReads() {
        List<PatientRecord> patients = fixture()
                .module("a_waiter", """
                        {"name": "waiter", "states": {
                          "Initial": {"type": "Initial", "direct_transition": "Wait"},
                          "Wait": {"type": "Guard", "allow": {"condition_type": "Attribute", "attribute": "flag",
                                   "operator": "==", "value": true}, "direct_transition": "Seen"},
                          "Seen": %s,
                          "Terminal": {"type": "Terminal"}
                        }}""".formatted(GmfFixture.onset("SEEN", "Terminal")))
                .module("b_setter", """
                        {"name": "setter", "states": {
                          "Initial": {"type": "Initial", "direct_transition": "Later"},
                          "Later": {"type": "Delay", "exact": {"quantity": 100, "unit": "days"}, "direct_transition": "Set"},
                          "Set": {"type": "SetAttribute", "attribute": "flag", "value": true, "direct_transition": "Terminal"},
                          "Terminal": {"type": "Terminal"}
                        }}""").simulate(5);
        for (PatientRecord p : patients) {
            assertThat(condition(p, "SEEN").start()).isEqualTo(birth(p) + 100 * DAY);
        }
    }

    @Test
    void setAttributeAndCounterChangeWhatConditionsRead() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Set"},
                  "Set": {"type": "SetAttribute", "attribute": "n", "value": 2, "direct_transition": "Up"},
                  "Up": {"type": "Counter", "attribute": "n", "action": "increment", "amount": 3, "direct_transition": "Down"},
                  "Down": {"type": "Counter", "attribute": "n", "action": "decrement", "direct_transition": "Check"},
                  "Check": {"type": "Simple", "conditional_transition": [
                    {"condition": {"condition_type": "Attribute", "attribute": "n", "operator": "==", "value": 4},
                     "transition": "Four"},
                    {"transition": "Other"}]},
                  "Four": %s,
                  "Other": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(GmfFixture.onset("FOUR", "Terminal"), GmfFixture.onset("OTHER", "Terminal")))
                .simulate(3);
        assertThat(patients).allSatisfy(p -> {
            assertThat(has(p, "FOUR")).isTrue();
            assertThat(has(p, "OTHER")).isFalse();
        });
    }

    @Test
    void setAttributeDrawsRangesAndDistributionsCopiesAttributesAndRemovesValues() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Draw"},
                  "Draw": {"type": "SetAttribute", "attribute": "score",
                           "distribution": {"kind": "UNIFORM", "round": true, "parameters": {"low": 10, "high": 20}},
                           "direct_transition": "Range"},
                  "Range": {"type": "SetAttribute", "attribute": "level", "range": {"low": 1.5, "high": 2.5},
                            "direct_transition": "Copy"},
                  "Copy": {"type": "SetAttribute", "attribute": "copy", "value_attribute": "score",
                           "direct_transition": "Unset"},
                  "Unset": {"type": "SetAttribute", "attribute": "level2", "value": 1, "direct_transition": "Unset2"},
                  "Unset2": {"type": "SetAttribute", "attribute": "level2", "direct_transition": "RecordScore"},
                  "RecordScore": {"type": "Observation", "category": "survey", "unit": "{score}",
                                  "codes": [{"system": "LOINC", "code": "OBS-SCORE", "display": "score"}],
                                  "attribute": "score", "direct_transition": "RecordLevel"},
                  "RecordLevel": {"type": "Observation", "category": "survey", "unit": "1",
                                  "codes": [{"system": "LOINC", "code": "OBS-LEVEL", "display": "level"}],
                                  "attribute": "level", "direct_transition": "RecordCopy"},
                  "RecordCopy": {"type": "Observation", "category": "survey", "unit": "{score}",
                                 "codes": [{"system": "LOINC", "code": "OBS-COPY", "display": "copy"}],
                                 "attribute": "copy", "direct_transition": "Check"},
                  "Check": {"type": "Simple", "conditional_transition": [
                    {"condition": {"condition_type": "Attribute", "attribute": "level2", "operator": "is nil"},
                     "transition": "Removed"},
                    {"transition": "Terminal"}]},
                  "Removed": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(GmfFixture.onset("REMOVED", "Terminal"))).simulate(10);
        Set<Double> scores = new HashSet<>();
        for (PatientRecord p : patients) {
            double score = (Double) only(p.observations(), "OBS-SCORE").value();
            assertThat(score).isBetween(10.0, 20.0).isEqualTo(Math.rint(score));
            scores.add(score);
            assertThat((Double) only(p.observations(), "OBS-LEVEL").value()).isBetween(1.5, 2.5);
            assertThat(only(p.observations(), "OBS-COPY").value()).isEqualTo(score);
            assertThat(has(p, "REMOVED")).isTrue();
        }
        assertThat(scores).hasSizeGreaterThan(2);
    }

    @Test
    void callSubmoduleRunsTheSubmoduleToItsEndThenContinuesTheCaller() {
        List<PatientRecord> patients = fixture()
                .module("main", """
                        {"name": "main", "states": {
                          "Initial": {"type": "Initial", "direct_transition": "Call"},
                          "Call": {"type": "CallSubmodule", "submodule": "parts/child", "direct_transition": "After"},
                          "After": %s,
                          "Terminal": {"type": "Terminal"}
                        }}""".formatted(GmfFixture.onset("AFTER", "Terminal")))
                .module("parts/child", """
                        {"name": "child", "states": {
                          "Initial": {"type": "Initial", "direct_transition": "Inside"},
                          "Inside": %s,
                          "Wait": {"type": "Delay", "exact": {"quantity": 5, "unit": "days"}, "direct_transition": "Terminal"},
                          "Terminal": {"type": "Terminal"}
                        }}""".formatted(GmfFixture.onset("INSIDE", "Wait"))).simulate(4);
        for (PatientRecord p : patients) {
            long inside = condition(p, "INSIDE").start();
            assertThat(inside).isEqualTo(birth(p));
            assertThat(condition(p, "AFTER").start()).isEqualTo(inside + 5 * DAY);
        }
    }

    @Test
    void symptomStateSetsASeverityThatSymptomConditionsRead() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Cough"},
                  "Cough": {"type": "Symptom", "symptom": "Cough", "cause": "Test", "range": {"low": 60, "high": 80},
                            "direct_transition": "Check"},
                  "Check": {"type": "Simple", "conditional_transition": [
                    {"condition": {"condition_type": "Symptom", "symptom": "Cough", "operator": ">=", "value": 60},
                     "transition": "Severe"},
                    {"transition": "Mild"}]},
                  "Severe": %s,
                  "Mild": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(GmfFixture.onset("SEVERE", "Terminal"), GmfFixture.onset("MILD", "Terminal")))
                .simulate(4);
        assertThat(patients).allSatisfy(p -> assertThat(has(p, "SEVERE")).isTrue());
    }

    @Test
    void vitalSignStateSetsAVitalThatObservationsAndConditionsRead() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Set"},
                  "Set": {"type": "VitalSign", "vital_sign": "Oxygen Saturation", "unit": "%%",
                          "exact": {"quantity": 88}, "direct_transition": "Measure"},
                  "Measure": {"type": "Observation", "category": "vital-signs", "unit": "%%",
                              "codes": [{"system": "LOINC", "code": "2708-6", "display": "Oxygen saturation"}],
                              "vital_sign": "Oxygen Saturation", "direct_transition": "Check"},
                  "Check": {"type": "Simple", "conditional_transition": [
                    {"condition": {"condition_type": "Vital Sign", "vital_sign": "Oxygen Saturation",
                                   "operator": "<", "value": 90}, "transition": "Hypoxia"},
                    {"transition": "Terminal"}]},
                  "Hypoxia": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(GmfFixture.onset("HYPOXIA", "Terminal"))).simulate(3);
        for (PatientRecord p : patients) {
            ObservationEntry o = only(p.observations(), "2708-6");
            assertThat(o.value()).isEqualTo(88.0);
            assertThat(o.unit()).isEqualTo("%");
            assertThat(has(p, "HYPOXIA")).isTrue();
        }
    }

    @Test
    void deathRecordsTimeAndCauseAndStopsTheModules() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Wait"},
                  "Wait": {"type": "Guard", "allow": {"condition_type": "Age", "operator": ">=", "quantity": 30,
                           "unit": "years"}, "direct_transition": "Die"},
                  "Die": {"type": "Death", "codes": [%s], "direct_transition": "Afterlife"},
                  "Afterlife": {"type": "Delay", "exact": {"quantity": 1, "unit": "days"}, "direct_transition": "Ghost"},
                  "Ghost": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(code("FATAL"), GmfFixture.onset("GHOST", "Terminal"))).simulate(30);
        int moduleDeaths = 0;
        for (PatientRecord p : patients) {
            assertThat(has(p, "GHOST")).as("nothing happens after death").isFalse();
            long thirtieth = birthday(p, 30);
            if (p.causeOfDeath() != null) {
                moduleDeaths++;
                assertThat(p.causeOfDeath().code()).isEqualTo("FATAL");
                assertThat(p.deathTime()).isEqualTo(thirtieth);
            } else if (thirtieth < endTime()) {
                assertThat(p.deathTime()).as("died earlier of background mortality").isLessThan(thirtieth);
            } else {
                assertThat(p.deathTime() == Long.MAX_VALUE || p.deathTime() < thirtieth).isTrue();
            }
        }
        assertThat(moduleDeaths).isPositive();
    }

    @Test
    void deathAfterADelayNamesTheReferencedCondition() {
        List<PatientRecord> patients = fixture().module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Sick"},
                  "Sick": {"type": "ConditionOnset", "codes": [%s], "assign_to_attribute": "disease",
                           "direct_transition": "Die"},
                  "Die": {"type": "Death", "referenced_by_attribute": "disease",
                          "range": {"low": 10, "high": 20, "unit": "days"}, "direct_transition": "Terminal"},
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(code("DISEASE"))).simulate(5);
        for (PatientRecord p : patients) {
            assertThat(p.alive()).isFalse();
            assertThat(p.causeOfDeath().code()).isEqualTo("DISEASE");
            assertThat(p.deathTime() - birth(p)).isBetween(10 * DAY, 20 * DAY);
        }
    }
}
