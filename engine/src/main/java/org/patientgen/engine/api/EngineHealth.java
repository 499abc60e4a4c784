package org.patientgen.engine.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Whether the engine can do its work now, with the reason for each check.
 *
 * @param ready  every check passed
 * @param checks each check's result
 * @param at     when the checks ran
 */
public record EngineHealth(boolean ready, List<HealthCheck> checks, Instant at) {
    public EngineHealth {
        checks = List.copyOf(checks);
        Objects.requireNonNull(at, "at");
    }

    /** The checks that failed. */
    public List<HealthCheck> failures() {
        return checks.stream().filter(c -> !c.ok()).toList();
    }
}
