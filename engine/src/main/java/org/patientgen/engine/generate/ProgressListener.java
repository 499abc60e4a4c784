package org.patientgen.engine.generate;

/** Receives progress from the output thread after each patient is written. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (written, total, bytes) -> { };

    void progress(long written, long total, long bytes);
}
