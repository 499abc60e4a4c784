package org.patientgen.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.api.ConfigChanged;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.JobProgressed;
import org.patientgen.engine.api.JobStateChanged;
import org.patientgen.engine.api.LogRecorded;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * One message of the WebSocket {@code /api/v1/events}, in either direction.
 *
 * <p>Server to client: {@code type} names the payload ({@code JobStateChanged}, {@code JobProgressed},
 * {@code ConfigChanged}, {@code LogRecorded}, {@code MetricsSnapshot}, or {@code Subscribed} and
 * {@code Error} in reply to a command), {@code topic} its topic in lower case ({@code null} for
 * replies), {@code sequence} numbers the messages of one connection 1, 2, 3, … without gaps (a
 * client too slow to keep up is disconnected rather than skipped), {@code at} when the event
 * happened and {@code data} the {@code api} record itself: the event for engine events, and for
 * {@code MetricsSnapshot} (topic {@code metrics}, about once a second) the engine's
 * {@link MetricsSnapshot} alone, as {@code GET /api/v1/metrics} answers it.
 *
 * @param type     payload type
 * @param topic    topic, lower case
 * @param sequence position in this connection's stream
 * @param at       when it happened
 * @param data     the payload
 */
public record EventMessage(String type, String topic, long sequence, Instant at, JsonNode data) {
    /** The {@link #type()} of metric snapshots; {@link #data()} is a {@link MetricsSnapshot}. */
    public static final String METRICS_SNAPSHOT = "MetricsSnapshot";

    /** Payload types of engine events, by {@link #type()}; metric snapshots are {@link #METRICS_SNAPSHOT}. */
    public static final Map<String, Class<? extends EngineEvent>> EVENT_TYPES = Map.of(
            "JobStateChanged", JobStateChanged.class, "JobProgressed", JobProgressed.class,
            "ConfigChanged", ConfigChanged.class, "LogRecorded", LogRecorded.class);

    /**
     * A client's command: {@code {"action":"subscribe","topics":["jobs","progress"]}} adds topics,
     * {@code unsubscribe} removes them. Topics: {@code jobs}, {@code progress}, {@code metrics},
     * {@code config}, {@code logs}.
     *
     * @param action {@code subscribe} or {@code unsubscribe}
     * @param topics topic names
     */
    public record Command(String action, List<String> topics) {
    }

    /**
     * The engine event this message carries, or empty for replies. A {@link #METRICS_SNAPSHOT}
     * becomes a {@link MetricsSampled} whose sequence is this message's (the snapshot alone is sent).
     */
    public java.util.Optional<EngineEvent> event() {
        if (METRICS_SNAPSHOT.equals(type)) {
            return java.util.Optional.of(new MetricsSampled(sequence, read(MetricsSnapshot.class)));
        }
        Class<? extends EngineEvent> eventType = EVENT_TYPES.get(type);
        return eventType == null ? java.util.Optional.empty() : java.util.Optional.of(read(eventType));
    }

    private <T> T read(Class<T> payload) {
        try {
            return WireJson.mapper().treeToValue(data, payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event message of type " + type + " has an unreadable payload: "
                    + e.getOriginalMessage(), e);
        }
    }
}
