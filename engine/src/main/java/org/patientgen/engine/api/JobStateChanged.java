package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A job changed state, on this or any other node.
 *
 * @param sequence   see {@link EngineEvent#sequence()}
 * @param transition the persisted change
 */
public record JobStateChanged(long sequence, JobTransition transition) implements EngineEvent {
    public JobStateChanged {
        Objects.requireNonNull(transition, "transition");
    }

    @Override
    public Instant at() {
        return transition.at();
    }

    @Override
    public EventTopic topic() {
        return EventTopic.JOBS;
    }
}
