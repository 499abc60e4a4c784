package org.patientgen.engine.module;

/**
 * A module that cannot be loaded: names the module file, the JSON path of the offending element
 * (e.g. {@code $.states.Diagnosis.codes[0].code}) and the reason, so the author can fix it.
 */
public final class ModuleFormatException extends RuntimeException {
    private final String source;
    private final String jsonPath;
    private final String reason;

    public ModuleFormatException(String source, String jsonPath, String reason) {
        super(source + " at " + jsonPath + ": " + reason);
        this.source = source;
        this.jsonPath = jsonPath;
        this.reason = reason;
    }

    /** The module file (path inside a directory or jar). */
    public String source() {
        return source;
    }

    public String jsonPath() {
        return jsonPath;
    }

    public String reason() {
        return reason;
    }
}
