package org.patientgen.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * A call to the {@link PatientGenService} failed. The message says what went wrong and how to fix
 * it, in words a user can act on; it never contains a secret. Settings rejected field by field
 * also carry their {@link #problems()}.
 */
public final class PatientGenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorKind kind;
    private final transient List<SettingsProblem> problems;

    public PatientGenException(ErrorKind kind, String message) {
        this(kind, message, List.of(), null);
    }

    public PatientGenException(ErrorKind kind, String message, Throwable cause) {
        this(kind, message, List.of(), cause);
    }

    public PatientGenException(ErrorKind kind, String message, List<SettingsProblem> problems, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.problems = List.copyOf(problems);
    }

    /** What kind of failure this is. */
    public ErrorKind kind() {
        return kind;
    }

    /** Field-by-field problems of rejected settings; empty otherwise. */
    public List<SettingsProblem> problems() {
        return problems;
    }
}
