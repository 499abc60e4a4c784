package org.patientgen.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.patientgen.engine.api.ShardLease;
import org.patientgen.engine.jobs.ShardEvents;

/** Counts what this node's shard workers do, as Micrometer counters. Thread-safe (counters are adders). */
final class WorkerCounters implements ShardEvents {
    final Counter claimed;
    final Counter completed;
    final Counter failed;
    final Counter retried;
    final Counter patients;

    WorkerCounters(MeterRegistry registry) {
        claimed = counter(registry, "patientgen.shards.claimed", "shards this node's workers claimed");
        completed = counter(registry, "patientgen.shards.completed", "shards this node's workers recorded as complete");
        failed = counter(registry, "patientgen.shards.failed",
                "failed attempts on this node that used up the job's attempts (shard and job failed)");
        retried = counter(registry, "patientgen.shards.retried",
                "failed attempts on this node after which the shard went back to pending for a retry");
        patients = counter(registry, "patientgen.patients.generated", "patients written by this node's generators");
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    @Override
    public void claimed(ShardLease lease) {
        claimed.increment();
    }

    @Override
    public void patientsGenerated(ShardLease lease, long count) {
        patients.increment(count);
    }

    @Override
    public void completed(ShardLease lease, long count) {
        completed.increment();
    }

    @Override
    public void retried(ShardLease lease, String error) {
        retried.increment();
    }

    @Override
    public void failed(ShardLease lease, String error) {
        failed.increment();
    }

    @Override
    public String toString() {
        return "EngineMetrics worker counters";
    }
}
