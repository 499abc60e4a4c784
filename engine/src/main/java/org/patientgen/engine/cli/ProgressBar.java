package org.patientgen.engine.cli;

import java.io.PrintWriter;

/** A one-line terminal progress bar with rate and ETA, redrawn at most 5 times a second. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    /** Starts at {@code start}: the first draw waits for a meaningful rate. */
    private long lastDraw = start;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /**
     * True when stderr is an interactive terminal. From Java 22 {@code System.console()} is
     * non-null even when redirected and {@code Console.isTerminal()} tells; the engine targets 17,
     * so that method is looked up reflectively.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17-21: a console exists only for a terminal
        }
    }

    void update(long done, long total, long bytes) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double rate = done / seconds;
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        int filled = (int) (WIDTH * done / Math.max(total, 1));
        err.printf("\r[%s%s] %3d%% %,d/%,d patients  %,.0f/s  %,.1f MB  ETA %d:%02d ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), 100 * done / Math.max(total, 1), done, total, rate,
                bytes / 1e6, eta / 60, eta % 60);
        err.flush();
    }

    void finish() {
        err.println();
    }
}
