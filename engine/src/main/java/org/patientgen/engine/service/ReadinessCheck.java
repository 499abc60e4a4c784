package org.patientgen.engine.service;

import org.patientgen.engine.api.HealthCheck;

/**
 * One thing the engine needs to be ready. Checks are registered with {@link Readiness}; each must
 * return within a second or two and never throw (a failure is a result, with its reason).
 */
public interface ReadinessCheck {
    /** The check's name in the report, e.g. {@code database}; also names a check that threw. */
    String name();

    /** Runs the check. */
    HealthCheck check();
}
