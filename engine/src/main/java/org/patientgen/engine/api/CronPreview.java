package org.patientgen.engine.api;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A cron expression explained, for an editor that shows it as the user types.
 *
 * @param description the expression in words
 * @param nextFires   the next fire times in the schedule's zone, soonest first
 */
public record CronPreview(String description, List<ZonedDateTime> nextFires) {
    public CronPreview {
        Objects.requireNonNull(description, "description");
        nextFires = List.copyOf(nextFires);
    }
}
