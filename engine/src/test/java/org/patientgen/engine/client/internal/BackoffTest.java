package org.patientgen.engine.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromTheFirstDelayUpToTheCapWithHalfOfItJittered() {
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
        Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.999_999);
        assertThat(low.delay(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(low.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(low.delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(low.delay(4)).as("capped").isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(0)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(high.delay(2)).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
        assertThat(high.delay(1_000)).as("no overflow after many failures").isBetween(Duration.ofMillis(999),
                Duration.ofSeconds(1));
        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 7).delay(0))
                .as("a random source out of range is clamped").isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void refusesDelaysThatMakeNoSense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
                .hasMessageContaining("must not be below the first");
    }
}
