package org.patientgen.engine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so leases expire and jobs age without waiting. Thread-safe. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Starts at a fixed, whole-millisecond instant. */
    public static MutableClock fixed() {
        return new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new IllegalArgumentException("MutableClock is a UTC test clock; use it with UTC zones only, not " + zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
