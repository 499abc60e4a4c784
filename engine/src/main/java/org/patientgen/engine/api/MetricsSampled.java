package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A metrics snapshot of the node, about once a second.
 *
 * @param sequence see {@link EngineEvent#sequence()}
 * @param snapshot the figures
 */
public record MetricsSampled(long sequence, MetricsSnapshot snapshot) implements EngineEvent {
    public MetricsSampled {
        Objects.requireNonNull(snapshot, "snapshot");
    }

    @Override
    public Instant at() {
        return snapshot.at();
    }

    @Override
    public EventTopic topic() {
        return EventTopic.METRICS;
    }
}
