package org.patientgen.engine.api;

import java.util.List;
import java.util.stream.Collectors;

/** Settings were rejected; carries every problem found, not just the first. */
public final class InvalidSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<SettingsProblem> problems;

    /** @param problems at least one problem */
    public InvalidSettingsException(List<SettingsProblem> problems) {
        super(problems.stream().map(SettingsProblem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<SettingsProblem> problems() {
        return problems;
    }
}
