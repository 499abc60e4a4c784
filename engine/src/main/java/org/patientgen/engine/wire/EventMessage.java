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

/**
 * One message of the WebSocket {@code /api/v1/events}, in either direction.
 *
 * <p>Server to client: {@code type} names the payload ({@code JobStateChanged}, {@code JobProgressed},
 * {@code ConfigChanged}, {@code LogRecorded}, {@code MetricsSnapshot}, or {@code Subscribed} and
 * {@code Error} in reply to a command), {@code topic} its topic in lower case ({@code null} for
 * replies), {@code sequence} numbers the messages of one connection 1, 2, 3, … without gaps (a
 * client too slow to keep up is disconnected rather than skipped), {@code at} when the event
 * happened and {@code data} the {@code api} record itself.
 *
 * @param type     payload type
 * @param topic    topic, lower case
 * @param sequence position in this connection's stream
 * @param at       when it happened
 * @param data     the payload
 */
public record EventMessage(String type, String topic, long sequence, Instant at, JsonNode data) {
    /** Payload types of engine events, by {@link #type()}. */
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

    /** The engine event this message carries, or empty for other messages (metrics, replies). */
    public java.util.Optional<EngineEvent> event() {
        Class<? extends EngineEvent> type = EVENT_TYPES.get(this.type);
        if (type == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(WireJson.mapper().treeToValue(data, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event message of type " + this.type + " has an unreadable payload: "
                    + e.getOriginalMessage(), e);
        }
    }
}
