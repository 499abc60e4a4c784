package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A state-changing call was recorded in the audit log: pool settings, schedules, workflows, jobs'
 * priorities and cancellations.
 *
 * @param sequence   see {@link EngineEvent#sequence()}
 * @param at         when
 * @param actor      who
 * @param action     what, e.g. {@code pool.apply}, {@code schedule.update}
 * @param targetType what kind of thing, e.g. {@code pool}, {@code schedule}
 * @param targetId   which one
 * @param detail     a short description of the change
 */
public record ConfigChanged(long sequence, Instant at, String actor, String action, String targetType,
                            String targetId, String detail) implements EngineEvent {
    public ConfigChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        targetType = targetType == null ? "" : targetType;
        targetId = targetId == null ? "" : targetId;
        detail = detail == null ? "" : detail;
    }

    @Override
    public EventTopic topic() {
        return EventTopic.CONFIG;
    }
}
