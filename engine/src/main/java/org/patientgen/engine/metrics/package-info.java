/**
 * A node's metrics: {@link org.patientgen.engine.metrics.EngineMetrics} owns a Prometheus-format
 * Micrometer registry (HikariCP's pool meters, job and queue gauges sampled from the database, this
 * node's worker counters, the JVM), takes a {@link org.patientgen.engine.api.MetricsSnapshot} every
 * second for live charts and subscribers, and persists a compact set of series to
 * {@code metric_history} for trends. See docs/jobs.md, section Metrics.
 */
package org.patientgen.engine.metrics;
