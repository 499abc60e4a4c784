package org.patientgen.engine.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.engine.module.GmfFixture.onset;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules that must not load: each error names the file, the JSON path of the offending element
 * and a reason the author can act on; nothing unsupported is silently ignored.
 */
class ModuleLoaderErrorsTest {
    @TempDir
    Path dir;

    /** Loads a module root holding {@code bad.json} (plus a valid {@code sub/ok.json}) and returns the error. */
    private ModuleFormatException error(String badJson) {
        GmfFixture fixture = new GmfFixture(dir).module("sub/ok", """
                {"name": "ok", "states": {"Initial": {"type": "Initial", "direct_transition": "Terminal"},
                 "Terminal": {"type": "Terminal"}}}""").module("bad", badJson);
        ModuleFormatException e = fixture.loadError();
        assertThat(e.source()).endsWith("bad.json");
        assertThat(e.getMessage()).contains(e.source(), e.jsonPath(), e.reason());
        return e;
    }

    /** A module with the given extra states after an Initial state that goes to {@code first}. */
    private static String module(String first, String states) {
        return "{\"name\": \"bad\", \"states\": {\"Initial\": {\"type\": \"Initial\", \"direct_transition\": \""
                + first + "\"}, " + states + ", \"Terminal\": {\"type\": \"Terminal\"}}}";
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ModuleFormatException e = error("{\n  \"name\": \"bad\",\n  \"states\": {,}\n}");
        assertThat(e.jsonPath()).isEqualTo("$");
        assertThat(e.reason()).startsWith("invalid JSON at line 3, column 14");
    }

    @Test
    void unknownStateType() {
        ModuleFormatException e = error(module("Foo", "\"Foo\": {\"type\": \"Teleport\", \"direct_transition\": \"Terminal\"}"));
        assertThat(e.jsonPath()).isEqualTo("$.states.Foo.type");
        assertThat(e.reason()).isEqualTo("unknown state type 'Teleport'");
    }

    @Test
    void unknownConditionType() {
        ModuleFormatException e = error(module("Foo", """
                "Foo": {"type": "Guard", "allow": {"condition_type": "Moon Phase"}, "direct_transition": "Terminal"}"""));
        assertThat(e.jsonPath()).isEqualTo("$.states.Foo.allow.condition_type");
        assertThat(e.reason()).isEqualTo("unknown condition_type 'Moon Phase'");
    }

    @Test
    void nestedConditionErrorsNameTheirIndex() {
        ModuleFormatException e = error(module("Foo", """
                "Foo": {"type": "Simple", "conditional_transition": [
                  {"condition": {"condition_type": "And", "conditions": [{"condition_type": "True"},
                    {"condition_type": "Age", "operator": "~", "quantity": 1, "unit": "years"}]}, "transition": "Terminal"}]}"""));
        assertThat(e.jsonPath()).isEqualTo("$.states.Foo.conditional_transition[0].condition.conditions[1].operator");
        assertThat(e.reason()).startsWith("unknown operator '~'");
    }

    @Test
    void missingRequiredField() {
        ModuleFormatException e = error(module("Wait", """
                "Wait": {"type": "Delay", "exact": {"quantity": 3}, "direct_transition": "Terminal"}"""));
        assertThat(e.jsonPath()).isEqualTo("$.states.Wait.exact");
        assertThat(e.reason()).isEqualTo("missing required field 'unit'");

        ModuleFormatException codes = error(module("Dx", """
                "Dx": {"type": "ConditionOnset", "direct_transition": "Terminal"}"""));
        assertThat(codes.jsonPath()).isEqualTo("$.states.Dx");
        assertThat(codes.reason()).isEqualTo("missing required field 'codes'");
    }

    @Test
    void transitionToUnknownState() {
        ModuleFormatException e = error(module("Foo", "\"Foo\": {\"type\": \"Simple\", \"distributed_transition\": ["
                + "{\"distribution\": 0.5, \"transition\": \"Terminal\"}, {\"distribution\": 0.5, \"transition\": \"Nowhere\"}]}"));
        assertThat(e.jsonPath()).isEqualTo("$.states.Foo");
        assertThat(e.reason()).isEqualTo("transition to unknown state 'Nowhere'");
    }

    @Test
    void unknownSubmodule() {
        ModuleFormatException e = error(module("Call", """
                "Call": {"type": "CallSubmodule", "submodule": "sub/missing", "direct_transition": "Terminal"}"""));
        assertThat(e.jsonPath()).isEqualTo("$.states.Call.submodule");
        assertThat(e.reason()).startsWith("unknown submodule 'sub/missing'").contains("sub/ok");
    }

    @Test
    void twoInitialStates() {
        ModuleFormatException e = error(module("Terminal", "\"Second\": {\"type\": \"Initial\", \"direct_transition\": \"Terminal\"}"));
        assertThat(e.jsonPath()).isEqualTo("$.states.Second");
        assertThat(e.reason()).isEqualTo("second Initial state (first: 'Initial')");
    }

    @Test
    void noInitialState() {
        ModuleFormatException e = error("{\"name\": \"bad\", \"states\": {\"Terminal\": {\"type\": \"Terminal\"}}}");
        assertThat(e.jsonPath()).isEqualTo("$.states");
        assertThat(e.reason()).isEqualTo("module has no Initial state");
    }

    @Test
    void unsupportedFieldIsAnErrorNotIgnored() {
        ModuleFormatException e = error(module("Set", """
                "Set": {"type": "SetAttribute", "attribute": "a", "value_atribute": "b", "direct_transition": "Terminal"}"""));
        assertThat(e.jsonPath()).isEqualTo("$.states.Set.value_atribute");
        assertThat(e.reason()).isEqualTo("unsupported field 'value_atribute' for a SetAttribute state");

        ModuleFormatException part = error(module("Panel", """
                "Panel": {"type": "MultiObservation", "category": "laboratory", "codes": [%s], "observations": [
                  {"category": "laboratory", "unit": "1", "codes": [%s], "exact": {"quantity": 1}, "sampled_data": {}}],
                 "direct_transition": "Terminal"}""".formatted(GmfFixture.code("P"), GmfFixture.code("Q"))));
        assertThat(part.jsonPath()).isEqualTo("$.states.Panel.observations[0].sampled_data");
    }

    @Test
    void unsupportedFeaturesAreNamed() {
        ModuleFormatException expression = error(module("Set", """
                "Set": {"type": "SetAttribute", "attribute": "a", "expression": "#{b} + 1", "direct_transition": "Terminal"}"""));
        assertThat(expression.jsonPath()).isEqualTo("$.states.Set.expression");
        assertThat(expression.reason()).startsWith("unsupported SetAttribute 'expression'");

        ModuleFormatException physiology = error(module("Sim", """
                "Sim": {"type": "Physiology", "model": "x.xml", "direct_transition": "Terminal"}"""));
        assertThat(physiology.jsonPath()).isEqualTo("$.states.Sim.type");
        assertThat(physiology.reason()).startsWith("unsupported state type 'Physiology'");

        ModuleFormatException distribution = error(module("Wait", """
                "Wait": {"type": "Delay", "distribution": {"kind": "POISSON", "parameters": {"mean": 1}}, "unit": "days",
                 "direct_transition": "Terminal"}"""));
        assertThat(distribution.jsonPath()).isEqualTo("$.states.Wait.distribution.kind");
        assertThat(distribution.reason()).startsWith("unsupported distribution kind 'POISSON'");
    }

    @Test
    void lookupTableProblemsNameTheTableAndTransition() {
        String states = """
                "Pick": {"type": "Simple", "lookup_table_transition": [
                  {"transition": "A", "default_probability": 1, "lookup_table_name": "risk.csv"},
                  {"transition": "Terminal", "default_probability": 0, "lookup_table_name": "risk.csv"}]},
                "A": %s""".formatted(onset("A", "Terminal"));
        ModuleFormatException missing = error(module("Pick", states));
        assertThat(missing.jsonPath()).isEqualTo("$.states.Pick.lookup_table_transition[0].lookup_table_name");
        assertThat(missing.reason()).startsWith("cannot read lookup table 'lookup_tables/risk.csv'");

        new GmfFixture(dir).file("lookup_tables/risk.csv", "age,A\n0-10,1\n");
        ModuleFormatException column = error(module("Pick", states));
        assertThat(column.reason()).startsWith("lookup table 'risk.csv' has no column for transition 'Terminal'");

        new GmfFixture(dir).file("lookup_tables/risk.csv", "age,A,Terminal\nyoung,1,0\n");
        ModuleFormatException range = error(module("Pick", states));
        assertThat(range.reason()).contains("line 2").contains("'young' is not a range");
    }

    @Test
    void checkReportsEveryFileWithoutThrowing() throws Exception {
        new GmfFixture(dir).module("good", """
                {"name": "good", "states": {"Initial": {"type": "Initial", "direct_transition": "Terminal"},
                 "Terminal": {"type": "Terminal"}}}""").module("bad", "{\"states\": []}");
        List<ModuleLoader.FileResult> results = ModuleLoader.check(dir);
        assertThat(results).extracting(ModuleLoader.FileResult::key).containsExactly("bad", "good");
        assertThat(results.get(0).loaded()).isFalse();
        assertThat(results.get(0).error().jsonPath()).isEqualTo("$.states");
        assertThat(results.get(1).loaded()).isTrue();
        assertThat(results.get(1).module().stateCount()).isEqualTo(2);
    }
}
