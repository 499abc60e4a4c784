package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A log record of the engine.
 *
 * @param sequence see {@link EngineEvent#sequence()}
 * @param at       when it was logged
 * @param level    {@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG} or {@code TRACE}
 * @param logger   the logger's name
 * @param thread   the thread that logged it
 * @param message  the formatted message (secrets are never logged)
 * @param jobId    the job it concerns, when known, else {@code null}
 */
public record LogRecorded(long sequence, Instant at, String level, String logger, String thread, String message,
                          Long jobId) implements EngineEvent {
    public LogRecorded {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(logger, "logger");
        thread = thread == null ? "" : thread;
        message = message == null ? "" : message;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.LOGS;
    }
}
