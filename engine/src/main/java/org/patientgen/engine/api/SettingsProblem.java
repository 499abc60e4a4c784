package org.patientgen.engine.api;

import java.util.Objects;

/**
 * One reason a settings value cannot be used, phrased for the person editing it.
 *
 * @param field the property, by its HikariCP name (e.g. {@code connectionTimeout})
 * @param value the offending value as shown to the user (e.g. {@code 100 ms})
 * @param rule  the rule it breaks
 * @param fix   what to change
 */
public record SettingsProblem(String field, String value, String rule, String fix) {
    public SettingsProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(fix, "fix");
    }

    /** One sentence for a console or error message: field, value, rule and fix. */
    public String message() {
        return field + " = " + value + ": " + rule + ". " + fix + ".";
    }
}
