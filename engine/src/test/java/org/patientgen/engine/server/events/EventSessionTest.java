package org.patientgen.engine.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.wire.WireJson;

/** A WebSocket client's outbox: ordered, numbered, one write at a time, and a slow client is dropped alone. */
class EventSessionTest {
    /** A connection whose writes complete only when the test says so. */
    static final class ManualSink implements EventSession.Sink {
        final List<String> written = new ArrayList<>();
        final List<Runnable> pending = new ArrayList<>();
        Integer closedWith;

        @Override
        public void send(String text, Runnable done, Consumer<Throwable> failed) {
            written.add(text);
            pending.add(done);
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code;
        }

        void completeAll() {
            while (!pending.isEmpty()) {
                pending.remove(0).run();
            }
        }
    }

    @Test
    void messagesGoOutOneAtATimeInSequenceOrder() {
        ManualSink sink = new ManualSink();
        EventSession session = new EventSession(sink, WireJson.mapper(), 16, () -> { });
        for (int i = 0; i < 5; i++) {
            session.deliver("Tick", "metrics", Instant.EPOCH, Map.of("i", i));
        }
        assertThat(sink.written).hasSize(1);
        sink.completeAll();
        assertThat(sink.written).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(sink.written.get(i)).contains("\"sequence\":" + (i + 1), "\"i\":" + i);
        }
        assertThat(sink.closedWith).isNull();
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedWithoutAffectingOthers() {
        ManualSink stuck = new ManualSink();
        ManualSink healthy = new ManualSink();
        AtomicInteger dropped = new AtomicInteger();
        EventSession slow = new EventSession(stuck, WireJson.mapper(), 8, dropped::incrementAndGet);
        EventSession fast = new EventSession(healthy, WireJson.mapper(), 8, dropped::incrementAndGet);
        for (int i = 0; i < 20; i++) {
            slow.deliver("Tick", "metrics", Instant.EPOCH, Map.of("i", i));
            fast.deliver("Tick", "metrics", Instant.EPOCH, Map.of("i", i));
            healthy.completeAll();
        }
        assertThat(stuck.closedWith).isEqualTo(EventSession.TOO_SLOW);
        assertThat(dropped).hasValue(1);
        assertThat(stuck.written).hasSize(1);
        assertThat(healthy.closedWith).isNull();
        assertThat(healthy.written).hasSize(20);
        slow.deliver("Tick", "metrics", Instant.EPOCH, Map.of());
        assertThat(stuck.written).as("nothing more is sent after the drop").hasSize(1);
    }
}
