package org.patientgen.console.testing;

import org.patientgen.console.task.BackgroundTasks;

/** Background tasks that run at once on the calling thread: ViewModel tests without a toolkit. */
public final class SameThread {
    private SameThread() {
    }

    public static BackgroundTasks tasks() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }
}
