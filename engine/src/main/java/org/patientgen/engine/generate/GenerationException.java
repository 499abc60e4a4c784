package org.patientgen.engine.generate;

/** Generation failed after it started (a module error, a full disk); nothing was left behind. */
public final class GenerationException extends Exception {
    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
