package org.patientgen.console.task;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.patientgen.engine.api.PatientGenException;

/** Turns a failure into the one line a user reads. */
public final class Failures {
    private Failures() {
    }

    /**
     * The engine's own message for a {@link PatientGenException} or a rejected value (they are
     * written for users); otherwise the exception's kind and message.
     */
    public static String message(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof RejectedExecutionException) {
            return "the console is too busy to start more work; wait for running tasks to finish";
        }
        String text = e.getMessage();
        if (e instanceof PatientGenException || e instanceof IllegalArgumentException) {
            return text == null ? e.getClass().getSimpleName() : text;
        }
        return text == null || text.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + text;
    }
}
