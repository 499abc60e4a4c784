package org.patientgen.engine.api;

/** What an event-stream subscriber can listen to. */
public enum EventTopic {
    /** Job state changes on any node ({@link JobStateChanged}). */
    JOBS,
    /** Progress of running jobs, about once a second ({@link JobProgressed}). */
    PROGRESS,
    /** Metric snapshots, once a second ({@link MetricsSampled}). */
    METRICS,
    /** Configuration changes such as pool settings or schedules ({@link ConfigChanged}). */
    CONFIG,
    /** Log records of the engine ({@link LogRecorded}). */
    LOGS
}
