package org.patientgen.engine.server.health;

import org.patientgen.engine.wire.Responses.Check;

/**
 * One condition for the server to take work; {@code /health/ready} runs every registered check.
 * A check must return within a second or two and never throw: it reports a failure as a
 * {@link Check} that says what is wrong.
 */
public interface ReadinessCheck {
    /** The check's name in the report, e.g. {@code database}. */
    String name();

    /** The verdict now. */
    Check check();
}
