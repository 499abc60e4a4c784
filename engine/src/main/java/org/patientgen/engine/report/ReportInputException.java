package org.patientgen.engine.report;

/** The directory given to the realism report is not a readable generator output; the message says why. */
public final class ReportInputException extends Exception {
    public ReportInputException(String message) {
        super(message);
    }

    public ReportInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
