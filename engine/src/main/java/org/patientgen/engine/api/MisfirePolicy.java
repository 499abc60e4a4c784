package org.patientgen.engine.api;

/**
 * What a schedule does about slots that passed while no engine was running (or the firer was
 * late by more than its grace period, one minute by default).
 *
 * <p>Either way at most one job is submitted per catch-up, never one per missed slot: a node that
 * was down for a week does not flood the queue with a week of hourly jobs.
 */
public enum MisfirePolicy {
    /**
     * Fire one job for all the missed slots together, as soon as an engine runs again; it is
     * recorded under the most recent missed slot and labelled with how many slots it covers. Then
     * continue with the next future slot.
     */
    RUN_ONCE,
    /**
     * Fire nothing for missed slots; continue with the next future slot. A slot that is due but
     * still within the grace period is not a misfire and fires normally.
     */
    SKIP
}
