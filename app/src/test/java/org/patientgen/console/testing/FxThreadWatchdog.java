package org.patientgen.console.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread takes to run a tiny task posted every few milliseconds: the
 * longest wait is the longest time the UI could not respond. A test runs a scripted session with
 * it and checks the worst stall.
 */
public final class FxThreadWatchdog implements AutoCloseable {
    private static final long PERIOD_MS = 10;
    private final Thread thread;
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final List<String> stalls = new ArrayList<>();
    private final long reportAboveNanos;
    private volatile boolean running = true;
    private final long started = System.nanoTime();

    private FxThreadWatchdog(Duration reportAbove) {
        this.reportAboveNanos = reportAbove.toNanos();
        thread = new Thread(this::watch, "fx-watchdog");
        thread.setDaemon(true);
    }

    /** Starts watching; stalls longer than {@code reportAbove} are listed in {@link #stalls()}. */
    public static FxThreadWatchdog start(Duration reportAbove) {
        FxThreadWatchdog w = new FxThreadWatchdog(reportAbove);
        w.thread.start();
        return w;
    }

    private void watch() {
        while (running) {
            long posted = System.nanoTime();
            Object done = new Object();
            boolean[] ran = {false};
            Platform.runLater(() -> {
                synchronized (done) {
                    ran[0] = true;
                    done.notifyAll();
                }
            });
            synchronized (done) {
                while (!ran[0] && running) {
                    try {
                        done.wait(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            long waited = System.nanoTime() - posted;
            pings.incrementAndGet();
            worstNanos.accumulateAndGet(waited, Math::max);
            if (waited > reportAboveNanos) {
                synchronized (stalls) {
                    stalls.add((waited / 1_000_000) + " ms at +" + (posted - started) / 1_000_000 + " ms");
                }
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The longest the FX thread kept a posted task waiting. */
    public Duration worst() {
        return Duration.ofNanos(worstNanos.get());
    }

    /** How many posted tasks were timed (a watchdog that could not post has none). */
    public long pings() {
        return pings.get();
    }

    /** Every stall above the reporting threshold, in order. */
    public List<String> stalls() {
        synchronized (stalls) {
            return List.copyOf(stalls);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
