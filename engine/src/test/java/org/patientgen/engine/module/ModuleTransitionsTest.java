package org.patientgen.engine.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.module.GmfFixture.has;
import static org.patientgen.engine.module.GmfFixture.onset;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.model.PatientRecord;
import org.patientgen.engine.model.Sex;

/**
 * GMF transitions through the real simulator: direct, distributed (fixed and attribute-weighted),
 * conditional (including Synthea's fall-back to the last branch), complex, lookup table and
 * type of care. Each target state records a condition named after it.
 */
class ModuleTransitionsTest {
    @TempDir
    Path dir;

    /** A module whose Initial state has {@code transition} to states A, B and C (each records its name). */
    private GmfFixture branching(String transition) {
        return new GmfFixture(dir).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Setup"},
                  "Setup": {"type": "SetAttribute", "attribute": "weight_a", "value": 1.0, "direct_transition": "Choose"},
                  "Choose": {"type": "Simple", %s},
                  "A": %s, "B": %s, "C": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(transition, onset("A", "Terminal"), onset("B", "Terminal"), onset("C", "Terminal")));
    }

    private static long count(List<PatientRecord> patients, String branch) {
        return patients.stream().filter(p -> has(p, branch)).count();
    }

    @Test
    void directTransitionAlwaysFollowsItsTarget() {
        List<PatientRecord> patients = branching("\"direct_transition\": \"B\"").simulate(5);
        assertThat(count(patients, "B")).isEqualTo(5);
        assertThat(count(patients, "A") + count(patients, "C")).isZero();
    }

    @Test
    void distributedWithZeroAndOneIsDeterministic() {
        List<PatientRecord> patients = branching("""
                "distributed_transition": [{"distribution": 0, "transition": "A"}, {"distribution": 1, "transition": "B"},
                                           {"distribution": 0, "transition": "C"}]""").simulate(20);
        assertThat(count(patients, "B")).isEqualTo(20);
    }

    @Test
    void distributedSplitsThePopulationAndGivesTheRemainderToTheLastBranch() {
        List<PatientRecord> split = branching("""
                "distributed_transition": [{"distribution": 0.5, "transition": "A"}, {"distribution": 0.5, "transition": "B"}]
                """).simulate(60);
        assertThat(count(split, "A")).isBetween(15L, 45L);
        assertThat(count(split, "A") + count(split, "B")).isEqualTo(60);

        List<PatientRecord> shortfall = new GmfFixture(dir.resolve("short")).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "distributed_transition": [
                    {"distribution": 0.0, "transition": "A"}, {"distribution": 0.0, "transition": "B"}]},
                  "A": %s, "B": %s, "Terminal": {"type": "Terminal"}}}""".formatted(onset("A", "Terminal"),
                onset("B", "Terminal"))).simulate(5);
        assertThat(count(shortfall, "B")).isEqualTo(5);
    }

    @Test
    void attributeWeightedDistributionReadsTheAttributeAndFallsBackToTheDefault() {
        // weight_a is set to 1.0 by the Setup state; weight_c is never set, so its default (0) applies
        List<PatientRecord> patients = branching("""
                "distributed_transition": [
                  {"distribution": {"attribute": "weight_c", "default": 0.0}, "transition": "C"},
                  {"distribution": {"attribute": "weight_a", "default": 0.0}, "transition": "A"},
                  {"distribution": 0.0, "transition": "B"}]""").simulate(20);
        assertThat(count(patients, "A")).isEqualTo(20);

        List<PatientRecord> byDefault = new GmfFixture(dir.resolve("default")).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "distributed_transition": [
                    {"distribution": {"attribute": "unset", "default": 1.0}, "transition": "A"},
                    {"distribution": 0.0, "transition": "B"}]},
                  "A": %s, "B": %s, "Terminal": {"type": "Terminal"}}}""".formatted(onset("A", "Terminal"),
                onset("B", "Terminal"))).simulate(10);
        assertThat(count(byDefault, "A")).isEqualTo(10);
    }

    @Test
    void conditionalFollowsTheFirstTrueBranch() {
        List<PatientRecord> patients = branching("""
                "conditional_transition": [
                  {"condition": {"condition_type": "Gender", "gender": "F"}, "transition": "A"},
                  {"condition": {"condition_type": "Gender", "gender": "M"}, "transition": "B"},
                  {"transition": "C"}]""").simulate(30);
        for (PatientRecord p : patients) {
            boolean female = p.demographics().sex() == Sex.FEMALE;
            assertThat(has(p, "A")).isEqualTo(female);
            assertThat(has(p, "B")).isEqualTo(!female);
            assertThat(has(p, "C")).isFalse();
        }
        assertThat(count(patients, "A")).isBetween(1L, 29L);
    }

    @Test
    void conditionalFallsBackToTheLastBranchWhenNoConditionHolds() {
        // Synthea follows the last option when no condition is true; its library relies on it
        List<PatientRecord> patients = branching("""
                "conditional_transition": [
                  {"condition": {"condition_type": "False"}, "transition": "A"},
                  {"condition": {"condition_type": "False"}, "transition": "C"}]""").simulate(5);
        assertThat(count(patients, "C")).isEqualTo(5);
    }

    @Test
    void complexPicksTheBranchByConditionThenDrawsItsDistribution() {
        List<PatientRecord> patients = branching("""
                "complex_transition": [
                  {"condition": {"condition_type": "Gender", "gender": "F"},
                   "distributions": [{"distribution": 0, "transition": "A"}, {"distribution": 1, "transition": "B"}]},
                  {"condition": {"condition_type": "Gender", "gender": "M"}, "transition": "C", "distributions": []}]
                """).simulate(30);
        for (PatientRecord p : patients) {
            boolean female = p.demographics().sex() == Sex.FEMALE;
            assertThat(has(p, "B")).isEqualTo(female);
            assertThat(has(p, "C")).isEqualTo(!female);
            assertThat(has(p, "A")).isFalse();
        }
    }

    @Test
    void lookupTableRowsMatchDemographicsAgeRangesAndAttributes() {
        GmfFixture fixture = new GmfFixture(dir).file("lookup_tables/risk.csv", """
                gender,age,weight_a,A,B,C
                F,0-150,1,1.0,0.0,0.0
                M,0-150,1,0.0,1.0,0.0
                """).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Setup"},
                  "Setup": {"type": "SetAttribute", "attribute": "weight_a", "value": 1, "direct_transition": "Choose"},
                  "Choose": {"type": "Simple", "lookup_table_transition": [
                    {"transition": "C", "default_probability": 1, "lookup_table_name": "risk.csv"},
                    {"transition": "A", "default_probability": 0, "lookup_table_name": "risk.csv"},
                    {"transition": "B", "default_probability": 0, "lookup_table_name": "risk.csv"}]},
                  "A": %s, "B": %s, "C": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(onset("A", "Terminal"), onset("B", "Terminal"), onset("C", "Terminal")));
        for (PatientRecord p : fixture.simulate(20)) {
            boolean female = p.demographics().sex() == Sex.FEMALE;
            assertThat(has(p, "A")).isEqualTo(female);
            assertThat(has(p, "B")).isEqualTo(!female);
        }
    }

    @Test
    void lookupTableUsesDefaultProbabilitiesWhenNoRowMatches() {
        GmfFixture fixture = new GmfFixture(dir).file("lookup_tables/risk.csv", """
                age,A,B
                200-300,1.0,0.0
                """).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "lookup_table_transition": [
                    {"transition": "A", "default_probability": 0, "lookup_table_name": "risk.csv"},
                    {"transition": "B", "default_probability": 1, "lookup_table_name": "risk.csv"}]},
                  "A": %s, "B": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(onset("A", "Terminal"), onset("B", "Terminal")));
        assertThat(fixture.simulate(5)).allSatisfy(p -> assertThat(has(p, "B")).isTrue());
    }

    @Test
    void typeOfCareChoosesAmbulatoryOrEmergencyBeforeTelemedicineExisted() {
        // at birth, and every patient here is born before 2020, so telemedicine is never chosen
        List<PatientRecord> patients = new GmfFixture(dir).module("m", """
                {"name": "m", "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Old"},
                  "Old": {"type": "Guard", "allow": {"condition_type": "Date", "operator": "<", "year": 2020},
                          "direct_transition": "Care"},
                  "Care": {"type": "Simple", "type_of_care_transition": {"ambulatory": "A", "emergency": "B",
                           "telemedicine": "C"}},
                  "A": %s, "B": %s, "C": %s,
                  "Terminal": {"type": "Terminal"}
                }}""".formatted(onset("A", "Terminal"), onset("B", "Terminal"), onset("C", "Terminal")))
                .simulate(60);
        List<PatientRecord> bornBefore2020 = patients.stream()
                .filter(p -> p.demographics().birthDate().getYear() < 2020).toList();
        assertThat(count(bornBefore2020, "C")).isZero();
        assertThat(count(bornBefore2020, "A")).isGreaterThan(count(bornBefore2020, "B")).isPositive();
        assertThat(count(bornBefore2020, "B")).isPositive();
    }
}
