package org.patientgen.engine.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One persisted value of a series, as kept for trends in {@code metric_history}.
 *
 * @param name  the series, named as in the Prometheus scrape (e.g. {@code patientgen_jobs})
 * @param tags  its labels, sorted by key (always {@code node}; e.g. {@code state} for jobs); unmodifiable
 * @param at    when it was recorded
 * @param value the value, in the unit its name says (seconds, bytes; a count otherwise)
 */
public record MetricSample(String name, Map<String, String> tags, Instant at, double value) {
    public MetricSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }
}
