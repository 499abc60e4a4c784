package org.patientgen.engine.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a job's shards are tried and how long a failed shard waits before its next try.
 *
 * <p>After its <i>n</i>-th failed attempt a shard waits {@code initialBackoff × 2^(n−1)}, at most
 * {@code maxBackoff}, then is claimable again; the failure that uses up {@code maxAttempts} fails
 * the shard, and with it the job. Lease expiries (a node died) do not count as failures.
 *
 * @param maxAttempts    attempts per shard, 1 (no retry) to {@value #MAX_ATTEMPTS}
 * @param initialBackoff wait after the first failure, 0 to 24 h, whole milliseconds
 * @param maxBackoff     cap on the wait, from {@code initialBackoff} to 24 h, whole milliseconds
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    /** Upper bound on {@link #maxAttempts}: more would hide a shard that can never succeed. */
    public static final int MAX_ATTEMPTS = 100;
    /** Upper bound on either backoff; a larger value is almost certainly a unit mistake. */
    public static final Duration LONGEST_BACKOFF = Duration.ofHours(24);
    /** Three attempts, waiting 10 s and then 20 s (at most 10 min). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(10));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be between 1 (no retry) and " + MAX_ATTEMPTS
                    + ", was " + maxAttempts);
        }
        checkBackoff("initialBackoff", initialBackoff);
        checkBackoff("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff.toMillis() + " ms) must not be shorter than"
                    + " initialBackoff (" + initialBackoff.toMillis() + " ms); raise maxBackoff or lower initialBackoff");
        }
    }

    private static void checkBackoff(String name, Duration value) {
        if (value.isNegative() || value.compareTo(LONGEST_BACKOFF) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 24 h, was " + value.toMillis() + " ms");
        }
        if (value.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(name + " must be whole milliseconds, was " + value);
        }
    }

    /** A single attempt: the first failure fails the shard and the job. */
    public static RetryPolicy noRetry() {
        return new RetryPolicy(1, DEFAULT.initialBackoff, DEFAULT.maxBackoff);
    }

    /**
     * The wait after the {@code failedAttempts}-th failure: {@code initialBackoff × 2^(failedAttempts−1)},
     * capped at {@code maxBackoff} (computed without overflow for any count).
     */
    public Duration backoffAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        long initial = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        int doublings = failedAttempts - 1;
        // 2^doublings overflows, or exceeds the cap, once initial << doublings passes cap.
        if (initial == 0) {
            return Duration.ZERO;
        }
        if (doublings >= 62 || initial > (cap >> Math.min(doublings, 62))) {
            return maxBackoff;
        }
        return Duration.ofMillis(Math.min(cap, initial << doublings));
    }
}
