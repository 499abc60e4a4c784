package org.patientgen.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A server's whole runtime configuration, versioned as one unit so that a deployment can be
 * applied, watched and rolled back together.
 *
 * @param pool                      the connection pool's settings
 * @param workers                   shards this node runs at once (0 to 256)
 * @param requestsPerMinutePerToken API calls one token may make per minute before getting HTTP 429
 * @param maxRequestBodyKiB         largest accepted request body, in KiB
 */
public record RuntimeConfig(PoolSettings pool, int workers, int requestsPerMinutePerToken, int maxRequestBodyKiB) {
    /** Rate limit when none is configured. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 6_000;
    /** Body limit when none is configured. */
    public static final int DEFAULT_MAX_BODY_KIB = 1_024;
    /** The largest body limit allowed: 64 MiB. */
    public static final int MAX_BODY_KIB = 65_536;
    /** The highest rate limit allowed. */
    public static final int MAX_REQUESTS_PER_MINUTE = 1_000_000;

    public RuntimeConfig {
        Objects.requireNonNull(pool, "pool");
        List<String> problems = new ArrayList<>();
        if (workers < 0 || workers > 256) {
            problems.add("workers must be between 0 and 256, was " + workers);
        }
        if (requestsPerMinutePerToken < 1 || requestsPerMinutePerToken > MAX_REQUESTS_PER_MINUTE) {
            problems.add("requestsPerMinutePerToken must be between 1 and 1000000, was " + requestsPerMinutePerToken);
        }
        if (maxRequestBodyKiB < 1 || maxRequestBodyKiB > MAX_BODY_KIB) {
            problems.add("maxRequestBodyKiB must be between 1 and 65536 (64 MiB), was " + maxRequestBodyKiB);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public RuntimeConfig withPool(PoolSettings settings) {
        return new RuntimeConfig(settings, workers, requestsPerMinutePerToken, maxRequestBodyKiB);
    }

    public RuntimeConfig withWorkers(int count) {
        return new RuntimeConfig(pool, count, requestsPerMinutePerToken, maxRequestBodyKiB);
    }

    public RuntimeConfig withLimits(int requestsPerMinute, int maxBodyKiB) {
        return new RuntimeConfig(pool, workers, requestsPerMinute, maxBodyKiB);
    }
}
