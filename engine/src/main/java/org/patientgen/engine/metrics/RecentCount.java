package org.patientgen.engine.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * How much an ever-growing total grew within a sliding window, to within one step: keeps the
 * total as it was about every {@code step} (a mark), and answers the current total minus the
 * total at the newest mark at or before the window's start (or at the first mark, while the
 * window reaches back before it). Memory: about window / step marks.
 *
 * <p>Not thread-safe: the sampler calls it under its lock.
 */
final class RecentCount {
    private record Mark(Instant at, long total) {
    }

    private final Duration window;
    private final Duration step;
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();

    /** Counting from {@code start}, when the total was {@code initial}. */
    RecentCount(Duration window, Duration step, Instant start, long initial) {
        this.window = window;
        this.step = step;
        marks.addLast(new Mark(start, initial));
    }

    /** Notes that the total is {@code total} at {@code at} (not before the last call) and returns its growth in the window ending then. */
    long update(Instant at, long total) {
        if (!at.isBefore(marks.peekLast().at.plus(step))) {
            marks.addLast(new Mark(at, total));
        }
        Instant windowStart = at.minus(window);
        while (marks.size() > 1 && !secondOldest().at.isAfter(windowStart)) {
            marks.removeFirst();
        }
        return total - marks.peekFirst().total;
    }

    private Mark secondOldest() {
        Mark first = marks.removeFirst();
        Mark second = marks.peekFirst();
        marks.addFirst(first);
        return second;
    }
}
