package org.patientgen.engine.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.patientgen.engine.api.MetricsSnapshot;

/**
 * The recent snapshots, oldest first: those taken within {@code keep} of the newest, and never more
 * than {@code capacity}, so memory stays bounded whatever the sampling rate.
 *
 * <p>Thread-safety: every method is synchronized on this; none calls out.
 */
final class SnapshotHistory {
    private final Duration keep;
    private final int capacity;
    private final ArrayDeque<MetricsSnapshot> snapshots = new ArrayDeque<>();

    SnapshotHistory(Duration keep, int capacity) {
        this.keep = keep;
        this.capacity = capacity;
    }

    synchronized void add(MetricsSnapshot snapshot) {
        snapshots.addLast(snapshot);
        Instant cutoff = snapshot.at().minus(keep);
        while (snapshots.size() > capacity || !snapshots.peekFirst().at().isAfter(cutoff)) {
            snapshots.removeFirst();
        }
    }

    /** Snapshots taken after {@code since}, oldest first. */
    synchronized List<MetricsSnapshot> since(Instant since) {
        List<MetricsSnapshot> result = new ArrayList<>();
        Iterator<MetricsSnapshot> newestFirst = snapshots.descendingIterator();
        while (newestFirst.hasNext()) {
            MetricsSnapshot s = newestFirst.next();
            if (!s.at().isAfter(since)) {
                break;
            }
            result.add(s);
        }
        Collections.reverse(result);
        return result;
    }

    synchronized int size() {
        return snapshots.size();
    }
}
