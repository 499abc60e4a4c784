package org.patientgen.engine.schedules;

import java.time.Instant;
import java.util.Objects;

/**
 * What one tick of a {@link ScheduleFirer} did about one due schedule.
 *
 * @param scheduleId the schedule
 * @param schedule   its name
 * @param slot       the slot considered: the most recent one due
 * @param outcome    what happened
 * @param jobId      the submitted job when {@link Outcome#FIRED}, else {@code null}
 * @param slotsDue   slots that were due, including {@code slot} (capped at 1000); more than one
 *                   means the engine was down or late
 */
public record ScheduleFiring(long scheduleId, String schedule, Instant slot, Outcome outcome, Long jobId,
                             int slotsDue) {
    /** The possible outcomes. */
    public enum Outcome {
        /** A job was submitted for the slot. */
        FIRED,
        /** Missed slots were dropped under {@code MisfirePolicy.SKIP}; nothing was submitted. */
        MISSED_SKIPPED,
        /** Another node fired this slot (or moved the schedule on) first; nothing was submitted here. */
        FIRED_ELSEWHERE
    }

    public ScheduleFiring {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(outcome, "outcome");
    }
}
