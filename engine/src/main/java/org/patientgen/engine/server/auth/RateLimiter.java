package org.patientgen.engine.server.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per token: a token bucket per key that holds up to {@code burst} requests and refills at
 * {@code perSecond}. A request takes one; when the bucket is empty the request is refused and the
 * caller is told how long until one is available. The rate may change while requests flow
 * ({@link #setRate}, from the running configuration); buckets keep what they hold.
 */
public final class RateLimiter {
    private volatile double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perSecond refill rate, above 0
     * @param burst     bucket size, at least 1
     * @param nanoTime  a monotonic clock ({@code System::nanoTime})
     */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (burst < 1) {
            throw new IllegalArgumentException("rate limit must allow at least 1 request (burst), was " + burst);
        }
        setRate(perSecond);
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Changes the refill rate from the next request on; above 0. */
    public void setRate(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("rate limit must refill above 0 per second, was " + requestsPerSecond);
        }
        this.perSecond = requestsPerSecond;
    }

    /** The refill rate, requests per second. */
    public double rate() {
        return perSecond;
    }

    /**
     * Takes one request from {@code key}'s bucket.
     *
     * @return 0 when allowed, else the whole seconds (at least 1) until a request will be allowed
     */
    public long acquire(long key) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()));
        double rate = perSecond;
        synchronized (bucket) {
            long now = nanoTime.getAsLong();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) / 1e9 * rate);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double wait = (1 - bucket.tokens) / rate;
            return Math.max(1, (long) Math.ceil(wait));
        }
    }

    /** One key's bucket; guarded by its own monitor. */
    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
