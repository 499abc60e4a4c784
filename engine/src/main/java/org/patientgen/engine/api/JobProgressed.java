package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A running job's progress.
 *
 * @param sequence see {@link EngineEvent#sequence()}
 * @param progress the progress, with rate and ETA
 */
public record JobProgressed(long sequence, JobProgress progress) implements EngineEvent {
    public JobProgressed {
        Objects.requireNonNull(progress, "progress");
    }

    @Override
    public Instant at() {
        return progress.at();
    }

    @Override
    public EventTopic topic() {
        return EventTopic.PROGRESS;
    }
}
