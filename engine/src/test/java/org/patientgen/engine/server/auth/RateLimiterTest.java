package org.patientgen.engine.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void allowsTheBurstThenTheRateAndSaysHowLongToWait() {
        AtomicLong nanos = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 3, nanos::get);
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isEqualTo(1);
        assertThat(limiter.acquire(2)).as("buckets are per key").isZero();
        nanos.addAndGet(500_000_000L);
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isEqualTo(1);
        nanos.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(1)).as("refills up to the burst only").isZero();
        }
        assertThat(limiter.acquire(1)).isPositive();
    }

    @Test
    void slowRatesAskForLongerWaits() {
        RateLimiter limiter = new RateLimiter(0.1, 1, () -> 0L);
        assertThat(limiter.acquire(1)).isZero();
        assertThat(limiter.acquire(1)).isEqualTo(10);
        assertThatThrownBy(() -> new RateLimiter(0, 1, System::nanoTime)).hasMessageContaining("rate limit");
    }

    @Test
    void tokensAreRandomAndHashedForStorage() {
        String a = TokenSecrets.newToken();
        String b = TokenSecrets.newToken();
        assertThat(a).startsWith("pg_").hasSize(46).isNotEqualTo(b);
        assertThat(TokenSecrets.looksLikeToken(a)).isTrue();
        assertThat(TokenSecrets.looksLikeToken(a + "x")).isFalse();
        assertThat(TokenSecrets.hash(a)).matches("[0-9a-f]{64}").isNotEqualTo(TokenSecrets.hash(b))
                .isEqualTo(TokenSecrets.hash(a));
    }
}
