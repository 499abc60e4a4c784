package org.patientgen.console.pool;

import java.util.Locale;

/** How the pool screen writes usage figures. */
final class PoolFormat {
    private PoolFormat() {
    }

    /** A space that never breaks a line: each figure stays with its word when the summary wraps. */
    private static final String NBSP = "\u00a0";

    /** {@code 3 active · 7 idle · 0 waiting · max 10 · acquire p95 0.4 ms · 0 timeouts}. */
    static String usage(PoolUsageSample s) {
        return String.join(" · ", s.active() + NBSP + "active", s.idle() + NBSP + "idle", s.pending() + NBSP
                + "waiting", "max" + NBSP + s.max(), "acquire" + NBSP + "p95" + NBSP
                + millis(s.acquireP95Millis()).replace(" ", NBSP),
                s.timeoutsTotal() + NBSP + (s.timeoutsTotal() == 1 ? "timeout" : "timeouts"));
    }

    /** {@code 0.42 ms}, {@code 12 ms}, {@code 1.5 s}. */
    static String millis(double ms) {
        if (ms >= 1_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1_000);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }
}
