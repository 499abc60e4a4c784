package org.patientgen.engine.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.testing.MutableClock;
import org.patientgen.engine.wire.Responses;

/** The HTTP meters: request rate over the last minute, latency percentiles, and nothing left behind. */
class HttpMetersTest {
    @Test
    void rateIsOverTheLastMinuteOrTheUptimeWhileYounger() {
        MutableClock clock = MutableClock.fixed();
        HttpMeters meters = new HttpMeters(new SimpleMeterRegistry(), clock);
        for (int i = 0; i < 20; i++) {
            meters.request("GET", "/api/v1/jobs", 200, Duration.ofMillis(4));
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(meters.read().requestsPerSecond()).as("20 requests in 10 s of uptime").isEqualTo(2.0);

        clock.advance(Duration.ofSeconds(45));
        for (int i = 0; i < 40; i++) {
            meters.request("GET", "/api/v1/jobs", 200, Duration.ofMillis(4));
        }
        assertThat(meters.read().requestsPerSecond()).as("60 requests in the last 55 s").isEqualTo(60 / 55.0);

        clock.advance(Duration.ofSeconds(30));
        Responses.HttpMetrics later = meters.read();
        assertThat(later.requestsPerSecond()).as("the first 20 left the window").isEqualTo(40 / 60.0);
        assertThat(later.requestsTotal()).isEqualTo(60);

        clock.advance(Duration.ofMinutes(5));
        assertThat(meters.read().requestsPerSecond()).isZero();
    }

    @Test
    void latencyPercentilesAndServerErrors() {
        HttpMeters meters = new HttpMeters(new SimpleMeterRegistry(), MutableClock.fixed());
        assertThat(meters.read().latencyP95Millis()).as("no requests yet").isZero();
        for (int i = 1; i <= 100; i++) {
            meters.request("GET", "/api/v1/jobs/{id}", i == 100 ? 500 : 200, Duration.ofMillis(i));
        }
        Responses.HttpMetrics m = meters.read();
        assertThat(m.latencyP50Millis()).isBetween(45.0, 55.0);
        assertThat(m.latencyP95Millis()).isBetween(90.0, 100.0);
        assertThat(m.latencyP99Millis()).isBetween(95.0, 101.0);
        assertThat(m.serverErrorsTotal()).isEqualTo(1);
    }

    @Test
    void sessionsAreCountedAndCloseRemovesEveryMeter() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HttpMeters meters = new HttpMeters(registry, MutableClock.fixed());
        meters.sessions(1);
        meters.sessions(1);
        meters.sessions(-1);
        meters.droppedSession();
        meters.request("POST", "/api/v1/jobs", 201, Duration.ofMillis(3));
        meters.request("GET", "unmatched", 404, Duration.ofMillis(1));
        assertThat(meters.read().eventSessions()).isEqualTo(1);
        assertThat(registry.find(HttpMeters.REQUESTS).timers()).hasSize(2);
        assertThat(registry.get("patientgen.events.sessions").gauge().value()).isEqualTo(1.0);

        meters.close();

        assertThat(registry.getMeters()).isEmpty();
    }
}
