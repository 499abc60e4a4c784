package org.patientgen.console.task;

/** A handle on something that runs until cancelled: a repeating tick, a task, a subscription. */
@FunctionalInterface
public interface Cancellable extends AutoCloseable {
    /** A handle that has nothing to cancel. */
    Cancellable NONE = () -> { };

    /** Stops it; calling again does nothing. */
    void cancel();

    @Override
    default void close() {
        cancel();
    }
}
