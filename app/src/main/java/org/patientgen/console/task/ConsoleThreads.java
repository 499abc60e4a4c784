package org.patientgen.console.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The console's own thread pools. */
public final class ConsoleThreads {
    /** Service calls in flight at once; more wait in the queue. */
    static final int IO_THREADS = 4;
    /** Waiting calls before new ones are refused (a refusal is reported to the user, not lost). */
    static final int IO_QUEUE = 1_000;

    private ConsoleThreads() {
    }

    /**
     * The pool that runs service calls ({@code console-io-N}, daemon threads so a stuck remote
     * call never keeps the application alive). Bounded: past {@value #IO_QUEUE} waiting calls it
     * refuses work (AbortPolicy), which {@link BackgroundTasks} reports as a failure.
     */
    public static ExecutorService io() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(IO_THREADS, IO_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(IO_QUEUE), r -> {
                    Thread t = new Thread(r, "console-io-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
