package org.patientgen.engine.api;

import java.util.Objects;

/**
 * The result of one readiness check.
 *
 * @param name   what was checked, e.g. {@code database}, {@code pool}, {@code workers}
 * @param ok     whether it passed
 * @param detail what was seen, and when it failed, what to look at
 */
public record HealthCheck(String name, boolean ok, String detail) {
    public HealthCheck {
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
    }
}
