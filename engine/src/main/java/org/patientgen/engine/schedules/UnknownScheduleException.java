package org.patientgen.engine.schedules;

import java.util.NoSuchElementException;

/** No schedule has the id asked for (never existed, or deleted). */
public final class UnknownScheduleException extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    /** @param id the id asked for */
    public UnknownScheduleException(long id) {
        super("schedule " + id + " does not exist");
    }
}
