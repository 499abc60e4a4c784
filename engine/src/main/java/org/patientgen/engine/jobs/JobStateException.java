package org.patientgen.engine.jobs;

/** An operation does not fit the job's current state (e.g. reprioritising a running job). */
public final class JobStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what was attempted, the job's state and what is allowed */
    public JobStateException(String message) {
        super(message);
    }
}
