package org.patientgen.engine.api;

import java.util.List;
import java.util.Locale;

/**
 * Which of an engine's recent log records to read ({@link PatientGenService#logs}); every filter
 * is optional.
 *
 * @param level  records at this level or more severe ({@code ERROR}, {@code WARN}, {@code INFO},
 *               {@code DEBUG}, {@code TRACE}; any case), or {@code null} for all
 * @param logger records of loggers whose name starts with this, or {@code null}
 * @param jobId  records about this job, or {@code null}
 * @param text   records whose message contains this (case-insensitive), or {@code null}
 * @param limit  at most this many, the newest; 1 to {@value #MAX_LIMIT}
 */
public record LogQuery(String level, String logger, Long jobId, String text, int limit) {
    /** Levels from the most to the least severe. */
    public static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 200;

    public LogQuery {
        if (level != null) {
            String upper = level.toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(upper)) {
                throw new IllegalArgumentException("log level must be ERROR, WARN, INFO, DEBUG or TRACE, was '"
                        + level + "'");
            }
            level = upper;
        }
        logger = blankToNull(logger);
        text = blankToNull(text);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("log limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The newest {@code limit} records about job {@code jobId}, at every level. */
    public static LogQuery forJob(long jobId, int limit) {
        return new LogQuery(null, null, jobId, null, limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
