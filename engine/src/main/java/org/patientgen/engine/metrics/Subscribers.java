package org.patientgen.engine.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.patientgen.engine.api.MetricsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot subscribers, called in subscription order. One that throws is logged (at WARN the
 * first time, then at DEBUG, so a broken chart cannot flood the log and the error count) and stays
 * subscribed; the others are still called. Thread-safe: a copy-on-write list, no lock held while
 * calling out.
 */
final class Subscribers {
    private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    private final class Subscriber implements EngineMetrics.Subscription {
        final Consumer<MetricsSnapshot> consumer;
        volatile boolean failedBefore;

        Subscriber(Consumer<MetricsSnapshot> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }

    EngineMetrics.Subscription add(Consumer<MetricsSnapshot> consumer) {
        Subscriber s = new Subscriber(consumer);
        subscribers.add(s);
        return s;
    }

    void publish(MetricsSnapshot snapshot) {
        for (Subscriber s : subscribers) {
            try {
                s.consumer.accept(snapshot);
            } catch (RuntimeException | Error e) {
                EngineMetrics.rethrowIfFatal(e);
                if (!s.failedBefore) {
                    s.failedBefore = true;
                    LOG.warn("metrics subscriber {} failed; it stays subscribed and later failures are logged at"
                            + " DEBUG", s.consumer, e);
                } else {
                    LOG.debug("metrics subscriber {} failed again: {}", s.consumer, e.toString());
                }
            }
        }
    }

    void clear() {
        subscribers.clear();
    }
}
