package org.patientgen.engine.api;

import java.time.Instant;

/**
 * Something that happened in the engine, as delivered by {@link PatientGenService#subscribe}.
 * Events of one subscription arrive in {@link #sequence()} order.
 */
public sealed interface EngineEvent permits JobStateChanged, JobProgressed, MetricsSampled, ConfigChanged,
        LogRecorded {
    /** Increasing number within one event source; a gap means events were dropped (e.g. a slow subscriber). */
    long sequence();

    /** When it happened. */
    Instant at();

    /** The topic it belongs to. */
    EventTopic topic();
}
