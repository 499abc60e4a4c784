package org.patientgen.console.dashboard;

import java.time.Duration;

/**
 * How far back the dashboard's charts look. The short windows come from the engine's in-process
 * history of 1 s snapshots (an hour at most); the day comes from the persisted trend series (one
 * point a minute, kept 30 days), joined to the 1 s samples of the last hour.
 */
public enum TimeWindow {
    FIVE_MINUTES("5 min", "in 5 min", Duration.ofMinutes(5), false),
    ONE_HOUR("1 h", "in 1 h", Duration.ofHours(1), false),
    ONE_DAY("24 h", "in 24 h", Duration.ofHours(24), true);

    /** Longest in-process history an engine keeps. */
    static final Duration LIVE_HISTORY = Duration.ofHours(1);

    private final String label;
    private final String within;
    private final Duration length;
    private final boolean fromTrends;

    TimeWindow(String label, String within, Duration length, boolean fromTrends) {
        this.label = label;
        this.within = within;
        this.length = length;
        this.fromTrends = fromTrends;
    }

    /** What the selector shows, e.g. {@code 5 min}. */
    public String label() {
        return label;
    }

    /** How tiles say "over this window", e.g. {@code in 5 min}. */
    String within() {
        return within;
    }

    public Duration length() {
        return length;
    }

    /** Whether the window reaches beyond the in-process history into the persisted trends. */
    boolean fromTrends() {
        return fromTrends;
    }

    /**
     * Samples further apart than this are not joined by a line: a few missed 1 s snapshots are
     * bridged, a server that did not answer for longer shows as a gap; trend points are a minute
     * apart.
     */
    long maxGapMillis() {
        return fromTrends ? Duration.ofMinutes(3).toMillis() : Duration.ofSeconds(5).toMillis();
    }

    @Override
    public String toString() {
        return label;
    }
}
