package org.patientgen.engine.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.module.GmfFixture.checkStates;
import static org.patientgen.engine.module.GmfFixture.checks;
import static org.patientgen.engine.module.GmfFixture.code;
import static org.patientgen.engine.module.GmfFixture.held;
import static org.patientgen.engine.module.GmfFixture.only;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.model.Race;
import org.patientgen.engine.model.Sex;

/**
 * Every GMF condition type, evaluated by the real simulator inside conditional transitions; each
 * check records "Y{i}" or "N{i}" (see {@link GmfFixture#checks}). Time-driven conditions (Age
 * thresholds, attribute changes by other modules) are covered by {@link ModuleControlStatesTest}.
 */
class ModuleConditionsTest {
    private static final String TRUE = "{\"condition_type\": \"True\"}";
    private static final String FALSE = "{\"condition_type\": \"False\"}";

    @TempDir
    Path dir;

    @Test
    void constantsAndBooleanCombinators() {
        List<PatientRecord> patients = new GmfFixture(dir).module("m", checks(
                TRUE,
                FALSE,
                "{\"condition_type\": \"And\", \"conditions\": [" + TRUE + ", " + FALSE + "]}",
                "{\"condition_type\": \"And\", \"conditions\": [" + TRUE + ", " + TRUE + "]}",
                "{\"condition_type\": \"Or\", \"conditions\": [" + FALSE + ", " + TRUE + "]}",
                "{\"condition_type\": \"Or\", \"conditions\": [" + FALSE + ", " + FALSE + "]}",
                "{\"condition_type\": \"Not\", \"condition\": " + FALSE + "}",
                "{\"condition_type\": \"At Least\", \"minimum\": 2, \"conditions\": [" + TRUE + ", " + TRUE + ", "
                        + FALSE + "]}",
                "{\"condition_type\": \"At Least\", \"minimum\": 3, \"conditions\": [" + TRUE + ", " + TRUE + ", "
                        + FALSE + "]}",
                "{\"condition_type\": \"At Most\", \"maximum\": 1, \"conditions\": [" + TRUE + ", " + TRUE + ", "
                        + FALSE + "]}",
                "{\"condition_type\": \"At Most\", \"maximum\": 2, \"conditions\": [" + TRUE + ", " + TRUE + ", "
                        + FALSE + "]}")).simulate(2);
        boolean[] expected = {true, false, false, true, true, false, true, true, false, false, true};
        for (PatientRecord p : patients) {
            for (int i = 0; i < expected.length; i++) {
                assertThat(held(p, i)).as("check %d", i).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void demographicConditionsReadThePatient() {
        List<PatientRecord> patients = new GmfFixture(dir).module("m", checks(
                "{\"condition_type\": \"Gender\", \"gender\": \"F\"}",
                "{\"condition_type\": \"Race\", \"race\": \"White\"}",
                "{\"condition_type\": \"Race\", \"race\": \"Hispanic\"}",
                "{\"condition_type\": \"Age\", \"operator\": \"<\", \"quantity\": 1, \"unit\": \"years\"}",
                "{\"condition_type\": \"Age\", \"operator\": \">=\", \"quantity\": 1, \"unit\": \"days\"}",
                "{\"condition_type\": \"Date\", \"operator\": \">=\", \"year\": 1900}",
                "{\"condition_type\": \"Date\", \"operator\": \">\", \"date\": {\"year\": 3000, \"month\": 1, \"day\": 1}}",
                "{\"condition_type\": \"Vital Sign\", \"vital_sign\": \"Height\", \"operator\": \">\", \"value\": 30}",
                "{\"condition_type\": \"Vital Sign\", \"vital_sign\": \"Glucose\", \"operator\": \"is nil\"}"))
                .simulate(40);
        int females = 0;
        int white = 0;
        int hispanic = 0;
        for (PatientRecord p : patients) {
            var d = p.demographics();
            females += held(p, 0) ? 1 : 0;
            white += held(p, 1) ? 1 : 0;
            hispanic += held(p, 2) ? 1 : 0;
            assertThat(held(p, 0)).isEqualTo(d.sex() == Sex.FEMALE);
            assertThat(held(p, 1)).isEqualTo(d.race() == Race.WHITE);
            assertThat(held(p, 2)).isEqualTo(d.hispanic());
            assertThat(held(p, 3)).as("newborns are under one year").isTrue();
            assertThat(held(p, 4)).as("newborns are not a day old").isFalse();
            assertThat(held(p, 5)).isTrue();
            assertThat(held(p, 6)).isFalse();
            assertThat(held(p, 7)).as("birth length above 30 cm").isTrue();
            assertThat(held(p, 8)).as("a sign only modules set is nil until set").isTrue();
        }
        assertThat(females).isBetween(1, 39);
        assertThat(white).isBetween(1, 39);
        assertThat(hispanic).isBetween(1, 39);
    }

    @Test
    void attributeAndSocioeconomicStatusReadLifecycleAttributes() {
        List<PatientRecord> patients = new GmfFixture(dir)
                .module("probe", """
                        {"name": "probe", "states": {
                          "Initial": {"type": "Initial", "direct_transition": "Record"},
                          "Record": {"type": "Observation", "category": "social-history", "unit": "",
                                     "codes": [{"system": "LOINC", "code": "SES", "display": "ses"}],
                                     "attribute": "socioeconomic_category", "direct_transition": "Terminal"},
                          "Terminal": {"type": "Terminal"}}}""")
                .module("m", checks(
                        "{\"condition_type\": \"Socioeconomic Status\", \"category\": \"High\"}",
                        "{\"condition_type\": \"Attribute\", \"attribute\": \"income\", \"operator\": \">\", \"value\": 0}",
                        "{\"condition_type\": \"Attribute\", \"attribute\": \"missing\", \"operator\": \"is nil\"}",
                        "{\"condition_type\": \"Attribute\", \"attribute\": \"income\", \"operator\": \"is not nil\"}",
                        "{\"condition_type\": \"Attribute\", \"attribute\": \"smoker\", \"operator\": \"==\", \"value\": true}"))
                .simulate(30);
        int high = 0;
        for (PatientRecord p : patients) {
            boolean isHigh = "High".equals(only(p.observations(), "SES").value());
            high += isHigh ? 1 : 0;
            assertThat(held(p, 0)).isEqualTo(isHigh);
            assertThat(held(p, 1)).isTrue();
            assertThat(held(p, 2)).isTrue();
            assertThat(held(p, 3)).isTrue();
            assertThat(held(p, 4)).as("nobody smokes at birth").isFalse();
        }
        assertThat(high).isBetween(1, 29);
    }

    @Test
    void priorStateHonoursWithinAndSince() {
        List<PatientRecord> patients = new GmfFixture(dir).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Visited"},
                  "Visited": {"type": "Simple", "direct_transition": "Wait"},
                  "Wait": {"type": "Delay", "exact": {"quantity": 10, "unit": "days"}, "direct_transition": "Check0"},
                  %s,
                  "Reset": {"type": "Simple", "direct_transition": "Check4"},
                  %s,
                  "Terminal": {"type": "Terminal"}}}""".formatted(
                checkStates(0, "Reset",
                        "{\"condition_type\": \"PriorState\", \"name\": \"Visited\"}",
                        "{\"condition_type\": \"PriorState\", \"name\": \"Visited\", \"within\": {\"quantity\": 5, \"unit\": \"days\"}}",
                        "{\"condition_type\": \"PriorState\", \"name\": \"Visited\", \"within\": {\"quantity\": 30, \"unit\": \"days\"}}",
                        "{\"condition_type\": \"PriorState\", \"name\": \"Never\"}"),
                checkStates(4, "Terminal",
                        "{\"condition_type\": \"PriorState\", \"name\": \"Visited\", \"since\": \"Reset\"}",
                        "{\"condition_type\": \"PriorState\", \"name\": \"Reset\", \"since\": \"Visited\"}")))
                .simulate(2);
        boolean[] expected = {true, false, true, false, false, true};
        for (PatientRecord p : patients) {
            for (int i = 0; i < expected.length; i++) {
                assertThat(held(p, i)).as("check %d", i).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void activeConditionsMedicationsCarePlansAndAllergiesFollowStartAndEnd() {
        String active = "{\"condition_type\": \"Active %s\", \"codes\": [%s]}";
        String byAttribute = "{\"condition_type\": \"Active %s\", \"referenced_by_attribute\": \"%s\"}";
        String[] conditions = {
            active.formatted("Condition", code("DX")), active.formatted("Medication", code("RX")),
            active.formatted("CarePlan", code("PLAN")), active.formatted("Allergy", code("NUTS")),
            byAttribute.formatted("Condition", "dx"), byAttribute.formatted("Medication", "rx")};
        String[] shifted = conditions.clone();
        List<PatientRecord> patients = new GmfFixture(dir).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Dx"},
                  "Dx": {"type": "ConditionOnset", "codes": [%s], "assign_to_attribute": "dx", "direct_transition": "Rx"},
                  "Rx": {"type": "MedicationOrder", "codes": [%s], "assign_to_attribute": "rx", "direct_transition": "Plan"},
                  "Plan": {"type": "CarePlanStart", "codes": [%s], "direct_transition": "Nuts"},
                  "Nuts": {"type": "AllergyOnset", "codes": [%s], "allergy_type": "allergy", "category": "food",
                           "direct_transition": "Check0"},
                  %s,
                  "Stop": {"type": "Delay", "exact": {"quantity": 1, "unit": "days"}, "direct_transition": "EndDx"},
                  "EndDx": {"type": "ConditionEnd", "condition_onset": "Dx", "direct_transition": "EndRx"},
                  "EndRx": {"type": "MedicationEnd", "medication_order": "Rx", "direct_transition": "EndPlan"},
                  "EndPlan": {"type": "CarePlanEnd", "careplan": "Plan", "direct_transition": "EndNuts"},
                  "EndNuts": {"type": "AllergyEnd", "allergy_onset": "Nuts", "direct_transition": "Check6"},
                  %s,
                  "Terminal": {"type": "Terminal"}}}""".formatted(code("DX"), code("RX"), code("PLAN"), code("NUTS"),
                checkStates(0, "Stop", conditions), checkStates(6, "Terminal", shifted))).simulate(2);
        for (PatientRecord p : patients) {
            for (int i = 0; i < 6; i++) {
                assertThat(held(p, i)).as("active check %d", i).isTrue();
                assertThat(held(p, i + 6)).as("ended check %d", i).isFalse();
            }
        }
    }

    @Test
    void observationAndSymptomConditionsCompareTheLatestValue() {
        String obs = "{\"condition_type\": \"Observation\", \"codes\": [{\"system\": \"LOINC\", \"code\": \"%s\"}],"
                + " \"operator\": \"%s\", %s}";
        List<PatientRecord> patients = new GmfFixture(dir).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Lab"},
                  "Lab": {"type": "Observation", "category": "laboratory", "unit": "%%",
                          "codes": [{"system": "LOINC", "code": "A1C", "display": "A1c"}],
                          "exact": {"quantity": 7.5}, "direct_transition": "Test"},
                  "Test": {"type": "Observation", "category": "laboratory", "unit": "",
                           "codes": [{"system": "LOINC", "code": "TEST", "display": "test"}],
                           "value_code": %s, "direct_transition": "Pain"},
                  "Pain": {"type": "Symptom", "symptom": "Pain", "exact": {"quantity": 40}, "direct_transition": "Check0"},
                  %s,
                  "Terminal": {"type": "Terminal"}}}""".formatted(code("POS"), checkStates(0, "Terminal",
                obs.formatted("A1C", ">=", "\"value\": 7"),
                obs.formatted("A1C", "<", "\"value\": 7"),
                obs.formatted("A1C", "==", "\"value\": 7.5"),
                obs.formatted("TEST", "==", "\"value_code\": " + code("POS")),
                obs.formatted("TEST", "==", "\"value_code\": " + code("NEG")),
                obs.formatted("NEVER", "is nil", "\"remarks\": []"),
                "{\"condition_type\": \"Symptom\", \"symptom\": \"Pain\", \"operator\": \">\", \"value\": 30}",
                "{\"condition_type\": \"Symptom\", \"symptom\": \"Itch\", \"operator\": \">\", \"value\": 0}")))
                .simulate(2);
        boolean[] expected = {true, false, true, true, false, true, true, false};
        for (PatientRecord p : patients) {
            for (int i = 0; i < expected.length; i++) {
                assertThat(held(p, i)).as("check %d", i).isEqualTo(expected[i]);
            }
        }
    }
}
