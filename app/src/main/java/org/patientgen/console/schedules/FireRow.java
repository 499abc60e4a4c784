package org.patientgen.console.schedules;

import org.patientgen.engine.api.JobState;

/**
 * One fired slot in a schedule's history.
 *
 * @param slot    the slot, in the schedule's zone
 * @param firedAt when the job was submitted, and how long after the slot
 * @param firedBy the engine node that fired it
 * @param job     {@code #42}, or a dash when the job was deleted
 * @param state   the job's state now, or null when unknown
 */
public record FireRow(String slot, String firedAt, String firedBy, String job, JobState state) {
}
