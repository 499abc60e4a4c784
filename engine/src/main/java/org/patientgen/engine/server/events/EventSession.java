package org.patientgen.engine.server.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.patientgen.engine.wire.EventMessage;

/**
 * The outgoing side of one WebSocket client: numbers its messages 1, 2, 3, … and sends them one at
 * a time, asynchronously, in that order.
 *
 * <p><b>Slow clients.</b> Messages wait in a bounded outbox while the previous one is being
 * written. A client that lets the outbox fill up (it stopped reading, or reads slower than events
 * arrive) is disconnected with close code 1008 and a reason saying so, instead of being skipped
 * silently: the client knows to reconnect and re-read current state. Nothing here blocks, so other
 * clients and the event hub never wait for a slow one.
 */
final class EventSession {
    /** Close code for a client that fell too far behind (RFC 6455 "policy violation"). */
    static final int TOO_SLOW = 1008;

    /** Where messages go: a WebSocket session, or a fake in tests. */
    interface Sink {
        /** Starts writing {@code text}; exactly one of the callbacks runs when done. */
        void send(String text, Runnable done, Consumer<Throwable> failed);

        /** Closes the connection. */
        void close(int code, String reason);
    }

    private final Sink sink;
    private final ObjectMapper mapper;
    private final int capacity;
    private final Runnable onDropped;
    /** Guarded by this. */
    private final Deque<String> outbox = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;
    private long sequence;

    EventSession(Sink sink, ObjectMapper mapper, int capacity, Runnable onDropped) {
        this.sink = sink;
        this.mapper = mapper;
        this.capacity = capacity;
        this.onDropped = onDropped;
    }

    /**
     * Queues a message; never blocks.
     *
     * @param topic {@code null} for replies to commands
     */
    void deliver(String type, String topic, Instant at, Object data) {
        String next = null;
        boolean drop = false;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (outbox.size() >= capacity) {
                closed = true;
                outbox.clear();
                drop = true;
            } else {
                outbox.addLast(mapper.valueToTree(new EventMessage(type, topic, ++sequence, at,
                        mapper.valueToTree(data))).toString());
                if (!writing) {
                    writing = true;
                    next = outbox.pollFirst();
                }
            }
        }
        if (drop) {
            onDropped.run();
            sink.close(TOO_SLOW, "too slow: more than " + capacity + " messages waiting; reconnect and re-read state");
        } else if (next != null) {
            write(next);
        }
    }

    private void write(String text) {
        sink.send(text, this::written, failure -> close());
    }

    private void written() {
        String next;
        synchronized (this) {
            next = closed ? null : outbox.pollFirst();
            if (next == null) {
                writing = false;
                return;
            }
        }
        write(next);
    }

    /** Stops sending; queued messages are discarded. */
    void close() {
        synchronized (this) {
            closed = true;
            outbox.clear();
        }
    }

    /** Messages numbered so far. */
    synchronized long sequence() {
        return sequence;
    }
}
