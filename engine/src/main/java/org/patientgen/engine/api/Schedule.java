package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored schedule.
 *
 * @param id          stable identifier
 * @param definition  what it is
 * @param owner       who created it
 * @param description the expression in words, e.g. "every 15 minutes every hour between 9 and 17"
 * @param nextFireAt  the next slot it will fire, or {@code null} when disabled or when the
 *                    expression has no future slot (e.g. a Quartz year in the past)
 * @param createdAt   when it was created
 * @param updatedAt   when its definition or enabled flag last changed
 */
public record Schedule(long id, ScheduleDefinition definition, String owner, String description, Instant nextFireAt,
                       Instant createdAt, Instant updatedAt) {
    public Schedule {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
