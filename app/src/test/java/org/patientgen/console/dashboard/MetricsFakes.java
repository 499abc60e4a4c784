package org.patientgen.console.dashboard;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.testing.FakeConnection;
import org.patientgen.engine.api.EngineEvent;
import org.patientgen.engine.api.EngineInfo;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricSample;
import org.patientgen.engine.api.MetricsSampled;
import org.patientgen.engine.api.MetricsSnapshot;
import org.patientgen.engine.api.PatientGenService;

/** Fake snapshots and a fake server whose metrics the test scripts (every other service call fails). */
final class MetricsFakes {
    private MetricsFakes() {
    }

    /** A snapshot at {@code at} with the figures the dashboard combines. */
    static MetricsSnapshot snapshot(Instant at, double patientsPerSecond, long running, long queueDepth, double oldestWait,
                                    int poolActive, int poolMax, double acquireP95, long timeouts, long heapUsed,
                                    double cpu, long errors) {
        return new MetricsSnapshot(at, 0, patientsPerSecond, Map.of(JobState.RUNNING, running, JobState.QUEUED, 1L),
                queueDepth, oldestWait, running, 0, 0, 0, 0, 2, (int) running, poolActive, poolMax - poolActive, 0,
                poolMax, acquireP95, timeouts, heapUsed, 1L << 30, cpu, errors);
    }

    /** A quiet snapshot with {@code patientsPerSecond} at {@code at}. */
    static MetricsSnapshot rate(Instant at, double patientsPerSecond) {
        return snapshot(at, patientsPerSecond, 1, 0, 0, 1, 10, 0.5, 0, 100L << 20, 0.2, 0);
    }

    /**
     * A server: its history and trends are what the test put in, events are pushed with
     * {@link #emit}; {@link #connection} is the console's connection to it (unreachable after
     * {@link #unreachable}).
     */
    static final class FakeServer {
        final FakeConnection connection;
        final List<MetricsSnapshot> history = new CopyOnWriteArrayList<>();
        final List<MetricSample> trend = new CopyOnWriteArrayList<>();
        final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();
        final List<String> trendCalls = new CopyOnWriteArrayList<>();
        private long sequence;

        FakeServer(String name) {
            connection = new FakeConnection(name, ConnectionKind.REMOTE);
            connection.service = service(name);
        }

        /** From now on the connection fails with the fake's "connection refused". */
        void unreachable() {
            connection.service = null;
        }

        void emit(MetricsSnapshot snapshot) {
            listeners.forEach(l -> l.accept(new MetricsSampled(++sequence, snapshot)));
        }

        private PatientGenService service(String name) {
            return (PatientGenService) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {PatientGenService.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "metricsHistory" -> {
                            Instant since = history.isEmpty() ? Instant.EPOCH
                                    : history.get(history.size() - 1).at().minus((Duration) args[0]);
                            yield new ArrayList<>(history.stream().filter(s -> !s.at().isBefore(since)).toList());
                        }
                        case "metricTrend" -> {
                            trendCalls.add((String) args[0]);
                            yield trend.stream().filter(s -> s.name().equals(args[0])).toList();
                        }
                        case "info" -> new EngineInfo("1", "dev", name + "-node", "", Instant.EPOCH, "H2", "1", 2,
                                List.of());
                        case "subscribe" -> {
                            @SuppressWarnings("unchecked")
                            Consumer<EngineEvent> listener = (Consumer<EngineEvent>) args[1];
                            listeners.add(listener);
                            yield (PatientGenService.Subscription) () -> listeners.remove(listener);
                        }
                        case "toString" -> "fake service of " + name;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
