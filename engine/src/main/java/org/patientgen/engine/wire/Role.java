package org.patientgen.engine.wire;

/**
 * What an API token may do; each role includes the ones below it.
 */
public enum Role {
    /** Read everything except the audit log and tokens. */
    VIEWER,
    /** Also submit, cancel, retry and reprioritise jobs; create and change schedules and workflows. */
    OPERATOR,
    /** Also change the pool, the workers and the server's configuration; manage tokens; read the audit log. */
    ADMIN;

    /** Whether this role includes {@code required}. */
    public boolean allows(Role required) {
        return compareTo(required) >= 0;
    }
}
