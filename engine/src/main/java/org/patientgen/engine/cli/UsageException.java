package org.patientgen.engine.cli;

/** Bad input from the user: reported as one line on stderr with exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
