package org.patientgen.engine.schedules;

/**
 * A cron expression cannot be used. The message names the field, its value, why it is wrong and,
 * where it helps, an example that works.
 */
public final class CronExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;

    /**
     * @param field   the offending field (e.g. {@code hour}), or {@code expression} for the whole
     * @param value   its text as written
     * @param message the full explanation
     */
    public CronExpressionException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** The offending field, e.g. {@code hour}, {@code day-of-month and day-of-week}, or {@code expression}. */
    public String field() {
        return field;
    }

    /** The offending text. */
    public String value() {
        return value;
    }
}
