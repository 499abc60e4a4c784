package org.patientgen.console.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Watches the FX thread during a scripted session by posting a tiny task every few milliseconds and
 * timing how long it waits. For each wait longer than the reporting threshold (a <i>stall</i>) it
 * records two things that tell work on the FX thread apart from a busy machine:
 * <ul>
 *   <li>the FX thread's <b>CPU time</b> during the stall: how long it was actually busy. A machine
 *       short of cores (CI, parallel builds) stretches wall time but not this;</li>
 *   <li>a <b>stack sample</b> of the FX thread taken during the stall, so a stall spent blocked in
 *       I/O (a database call, a socket, a file) is caught even though it uses no CPU.</li>
 * </ul>
 */
public final class FxThreadWatchdog implements AutoCloseable {
    private static final long PERIOD_MS = 10;
    /** Packages whose presence on the FX thread's stack means it is blocked on I/O or sleeping. */
    private static final List<String> BLOCKING = List.of("java.sql.", "java.net.", "sun.nio.ch.", "java.io.File",
            "java.nio.file.", "org.h2.", "org.postgresql.", "com.zaxxer.hikari.", "okhttp3.", "java.lang.Thread.sleep",
            "org.patientgen.engine.");

    /** One stall: how long the posted task waited, how much of it the FX thread was on a CPU, what it was doing. */
    public record Stall(long atMillis, Duration waited, Duration busy, String blockedIn) {
        @Override
        public String toString() {
            return waited.toMillis() + " ms at +" + atMillis + " ms (FX thread busy " + busy.toMillis() + " ms"
                    + (blockedIn.isEmpty() ? "" : ", blocked in " + blockedIn) + ")";
        }
    }

    private final Thread watcher;
    private final Thread fxThread;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong worstWaitNanos = new AtomicLong();
    private final AtomicLong worstBusyNanos = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final List<Stall> stalls = new ArrayList<>();
    private final long reportAboveNanos;
    private volatile boolean running = true;
    private final long started = System.nanoTime();

    private FxThreadWatchdog(Duration reportAbove, Thread fxThread) {
        this.reportAboveNanos = reportAbove.toNanos();
        this.fxThread = fxThread;
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time; the watchdog would see nothing");
        }
        watcher = new Thread(this::watch, "fx-watchdog");
        watcher.setDaemon(true);
    }

    /** Starts watching; waits longer than {@code reportAbove} are recorded as {@link #stalls()}. */
    public static FxThreadWatchdog start(Duration reportAbove) throws Exception {
        CompletableFuture<Thread> fx = new CompletableFuture<>();
        Platform.runLater(() -> fx.complete(Thread.currentThread()));
        FxThreadWatchdog w = new FxThreadWatchdog(reportAbove, fx.get(10, TimeUnit.SECONDS));
        w.watcher.start();
        return w;
    }

    private long fxCpuNanos() {
        long t = threads.getThreadCpuTime(fxThread.getId());
        return Math.max(t, 0);
    }

    private void watch() {
        while (running) {
            long posted = System.nanoTime();
            long cpuBefore = fxCpuNanos();
            CompletableFuture<Void> ran = new CompletableFuture<>();
            Platform.runLater(() -> ran.complete(null));
            String blockedIn = "";
            boolean sampled = false;
            while (!ran.isDone() && running) {
                try {
                    ran.get(5, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (!sampled && System.nanoTime() - posted > reportAboveNanos) {
                        blockedIn = blockingFrame(fxThread.getStackTrace());
                        sampled = true;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            long waited = System.nanoTime() - posted;
            long busy = fxCpuNanos() - cpuBefore;
            pings.incrementAndGet();
            if (waited > reportAboveNanos) {
                worstWaitNanos.accumulateAndGet(waited, Math::max);
                worstBusyNanos.accumulateAndGet(busy, Math::max);
                synchronized (stalls) {
                    stalls.add(new Stall((posted - started) / 1_000_000, Duration.ofNanos(waited), Duration.ofNanos(busy),
                            blockedIn));
                }
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String blockingFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String where = frame.getClassName() + "." + frame.getMethodName();
            for (String prefix : BLOCKING) {
                if (where.startsWith(prefix)) {
                    return where;
                }
            }
        }
        return "";
    }

    /** The longest the FX thread kept a posted task waiting (wall time, includes a busy machine). */
    public Duration worstWait() {
        return Duration.ofNanos(worstWaitNanos.get());
    }

    /** The most CPU time the FX thread spent within one stall: how long it was really busy. */
    public Duration worstBusy() {
        return Duration.ofNanos(worstBusyNanos.get());
    }

    /** How many posted tasks were timed (a watchdog that could not post has none). */
    public long pings() {
        return pings.get();
    }

    /** Every stall above the reporting threshold, in order. */
    public List<Stall> stalls() {
        synchronized (stalls) {
            return List.copyOf(stalls);
        }
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
    }
}
