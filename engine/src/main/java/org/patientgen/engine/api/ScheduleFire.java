package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One slot a schedule fired. At most one exists per schedule and slot, whatever the number of
 * engine nodes.
 *
 * @param scheduleId the schedule
 * @param slot       the cron slot the job stands for
 * @param jobId      the submitted job, or {@code null} if that job has since been deleted
 * @param firedAt    when it was submitted (that node's clock)
 * @param firedBy    the node that submitted it
 */
public record ScheduleFire(long scheduleId, Instant slot, Long jobId, Instant firedAt, String firedBy) {
    public ScheduleFire {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(firedBy, "firedBy");
    }
}
