package org.patientgen.console.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something the engine does in its own time, ticking the UI meanwhile. */
public final class Eventually {
    private Eventually() {
    }

    /** Ticks and polls until {@code condition} holds; fails after {@code timeout}. */
    public static void await(ManualTicker ticker, Duration timeout, String what, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ticker.tick();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
