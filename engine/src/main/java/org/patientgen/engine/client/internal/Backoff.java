package org.patientgen.engine.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, capped: the n-th wait (from 0) is drawn uniformly from
 * {@code [d/2, d]} where {@code d = min(cap, initial × 2^n)}.
 *
 * <p>Half the delay is fixed so that a client never hammers a server that just came back, the other
 * half random so that many consoles that lost the same server do not all return in the same
 * instant ("equal jitter"). The random source is passed in, so tests get exact delays.
 *
 * @param initial the first delay's upper bound
 * @param cap     the largest delay
 * @param random  uniform values in {@code [0, 1)}
 */
public record Backoff(Duration initial, Duration cap, DoubleSupplier random) {
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("the first backoff delay must be positive, was " + initial);
        }
        if (cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the largest backoff delay (" + cap + ") must not be below the first ("
                    + initial + ")");
        }
    }

    /** The wait before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long capNanos = cap.toNanos();
        long d = initial.toNanos();
        for (int i = 0; i < attempt && d < capNanos; i++) {
            d = d > capNanos / 2 ? capNanos : d * 2;
        }
        d = Math.min(d, capNanos);
        double r = Math.min(Math.max(random.getAsDouble(), 0), 1);
        return Duration.ofNanos(d / 2 + (long) (d / 2 * r));
    }
}
