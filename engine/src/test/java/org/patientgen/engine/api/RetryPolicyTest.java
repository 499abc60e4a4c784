package org.patientgen.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void backoffDoublesFromTheFirstFailureUpToTheCap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(3), Duration.ofSeconds(20));
        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofSeconds(6));
        assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofSeconds(12));
        assertThat(p.backoffAfter(4)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.backoffAfter(100)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(20));
        RetryPolicy longest = new RetryPolicy(100, Duration.ofHours(24), Duration.ofHours(24));
        assertThat(longest.backoffAfter(64)).isEqualTo(Duration.ofHours(24));
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ZERO).backoffAfter(3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void invalidPoliciesAreRefusedWithTheRule() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("maxAttempts must be between 1 (no retry) and 100, was 0");
        assertThatThrownBy(() -> new RetryPolicy(101, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("was 101");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessage("initialBackoff must be between 0 and 24 h, was -1000 ms");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofHours(25)))
                .hasMessageStartingWith("maxBackoff must be between 0 and 24 h");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .hasMessage("maxBackoff (5000 ms) must not be shorter than initialBackoff (10000 ms);"
                        + " raise maxBackoff or lower initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofNanos(1500), Duration.ofSeconds(5)))
                .hasMessageContaining("whole milliseconds");
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.backoffAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
