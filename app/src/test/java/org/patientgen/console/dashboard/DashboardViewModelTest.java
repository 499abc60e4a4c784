package org.patientgen.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientgen.console.dashboard.MetricsFakes.rate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.dashboard.DashboardFrame.Level;
import org.patientgen.console.dashboard.MetricsFakes.FakeServer;
import org.patientgen.console.screen.Freshness;
import org.patientgen.console.testing.ManualTicker;
import org.patientgen.console.testing.SameThread;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.MetricSample;

class DashboardViewModelTest {
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    private final MovingClock clock = new MovingClock(START);
    private final ManualTicker ticker = new ManualTicker();
    private final Freshness freshness = new Freshness();
    private final FakeServer local = new FakeServer("Local engine");
    private final ObservableList<Connection> connections = FXCollections.observableArrayList(local.connection);
    private final SimpleObjectProperty<Connection> active = new SimpleObjectProperty<>(local.connection);
    private final DashboardViewModel vm = new DashboardViewModel(connections, active, SameThread.tasks(), ticker,
            freshness, clock);

    @Test
    void showsTheHistoryAtOnceThenEverySnapshotAsItArrives() {
        for (int i = 0; i < 120; i++) {
            local.history.add(rate(START.minusSeconds(120 - i), i < 60 ? 100 : 300));
        }
        vm.setColumns(200);
        vm.attach();

        DashboardFrame frame = vm.frameProperty().get();
        assertThat(frame.isEmpty()).isFalse();
        assertThat(frame.scope()).isEqualTo("Local engine");
        assertThat(frame.tiles().get(DashboardTile.PATIENTS).headline()).isEqualTo("300/s");
        assertThat(frame.tiles().get(DashboardTile.PATIENTS).detail()).isEqualTo("peak 300/s in 5 min");
        DashboardFrame.ChartData chart = frame.tiles().get(DashboardTile.PATIENTS).chart();
        assertThat(chart.columns()).isEqualTo(200);
        assertThat(chart.series().get(0).points().size()).isBetween(2, 400);
        assertThat(chart.yMax()).isEqualTo(500);
        assertThat(chart.startLabel()).isEqualTo("−5 min");
        assertThat(frame.jobs()).containsEntry(JobState.RUNNING, 1L).containsEntry(JobState.QUEUED, 1L);
        assertThat(freshness.lastUpdateProperty().get()).isEqualTo(START.minusSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        local.emit(rate(START, 1234));
        ticker.tick();
        assertThat(vm.frameProperty().get().tiles().get(DashboardTile.PATIENTS).headline()).isEqualTo("1,234/s");
        assertThat(vm.frameProperty().get().tiles().get(DashboardTile.PATIENTS).chart().yMax()).isEqualTo(2000);
        assertThat(freshness.lastUpdateProperty().get()).isEqualTo(START);
    }

    @Test
    void saysWhatToDoWhileThereIsNothingToShow() {
        local.unreachable();
        vm.attach();
        assertThat(vm.frameProperty().get().emptyState())
                .isEqualTo("Cannot read figures from Local engine: Local engine is not reachable: connection refused."
                        + " Check its health in the header, or choose another connection.");

        FakeServer quiet = new FakeServer("Quiet");
        connections.add(quiet.connection);
        active.set(quiet.connection);
        assertThat(vm.frameProperty().get().emptyState())
                .isEqualTo("Waiting for the first figures from Quiet: they arrive every second.");

        quiet.emit(rate(START, 0));
        ticker.tick();
        DashboardFrame frame = vm.frameProperty().get();
        assertThat(frame.isEmpty()).isFalse();
        assertThat(frame.tiles().get(DashboardTile.PATIENTS).detail()).isEqualTo("peak 0/s in 5 min");
    }

    @Test
    void aSilentConnectionKeepsItsLastFiguresAndSaysSo() {
        local.history.add(rate(START, 40));
        vm.attach();
        assertThat(vm.frameProperty().get().notice()).isEmpty();
        clock.advance(Duration.ofSeconds(45));
        ticker.tick();
        DashboardFrame frame = vm.frameProperty().get();
        assertThat(frame.notice()).isEqualTo("No new figures from Local engine (silent for 45 s): the tiles show the last"
                + " ones.");
        assertThat(frame.tiles().get(DashboardTile.PATIENTS).headline()).isEqualTo("40/s");
    }

    @Test
    void suggestsSubmittingAJobWhenNothingRuns() {
        local.emit(MetricsFakes.snapshot(START, 0, 0, 0, 0, 0, 10, 0, 0, 1, 0, 0));
        vm.attach();
        local.emit(MetricsFakes.snapshot(START, 0, 0, 0, 0, 0, 10, 0, 0, 1, 0, 0));
        ticker.tick();
        assertThat(vm.frameProperty().get().tiles().get(DashboardTile.PATIENTS).detail())
                .isEqualTo("No job running: submit one on the Jobs screen");
    }

    @Test
    void theDayWindowReadsThisNodesTrendsAndJoinsTheLiveSeconds() {
        local.history.add(rate(START, 50));
        for (int m = 1; m <= 600; m++) {
            Instant at = START.minus(Duration.ofMinutes(m));
            local.trend.add(new MetricSample("patientgen_patients_per_second", Map.of("node", "Local engine-node"), at,
                    m == 300 ? 4000 : 10));
            local.trend.add(new MetricSample("patientgen_patients_per_second", Map.of("node", "other-node"), at, 9999));
            local.trend.add(new MetricSample("hikaricp_connections_acquire_seconds",
                    Map.of("node", "Local engine-node", "quantile", "0.95"), at, 0.002));
        }
        vm.attach();
        assertThat(vm.frameProperty().get().tiles().get(DashboardTile.PATIENTS).detail()).isEqualTo("peak 50/s in 5 min");
        assertThat(local.trendCalls).isEmpty();

        vm.windowProperty().set(TimeWindow.ONE_DAY);
        DashboardFrame frame = vm.frameProperty().get();
        assertThat(local.trendCalls).contains("patientgen_patients_per_second", "hikaricp_connections_acquire_seconds",
                "jvm_memory_used_bytes", "process_cpu_usage");
        assertThat(frame.window()).isEqualTo(TimeWindow.ONE_DAY);
        assertThat(frame.tiles().get(DashboardTile.PATIENTS).detail())
                .as("the other node's samples are not this connection's").isEqualTo("peak 4,000/s in 24 h");
        assertThat(frame.tiles().get(DashboardTile.ACQUIRE).detail()).isEqualTo("peak 2.00 ms in 24 h");
        assertThat(frame.tiles().get(DashboardTile.PATIENTS).chart().startLabel()).isEqualTo("−24 h");

        vm.windowProperty().set(TimeWindow.ONE_HOUR);
        assertThat(vm.frameProperty().get().tiles().get(DashboardTile.PATIENTS).detail()).isEqualTo("peak 50/s in 1 h");
    }

    @Test
    void allServersCombinesEveryConnectionAndFollowsTheList() {
        local.emit(rate(START, 100));
        vm.attach();
        local.emit(rate(START, 100));
        vm.allServersProperty().set(true);
        assertThat(vm.hintProperty().get()).startsWith("Only Local engine is connected.");
        assertThat(vm.frameProperty().get().scope()).isEqualTo("All servers (1)");

        FakeServer remote = new FakeServer("Remote");
        remote.history.add(MetricsFakes.snapshot(START, 250, 3, 4, 120, 2, 10, 7.5, 2, 1L << 30, 0.9, 1));
        connections.add(remote.connection);
        assertThat(vm.hintProperty().get()).isEmpty();
        DashboardFrame frame = vm.frameProperty().get();
        assertThat(frame.scope()).isEqualTo("All servers (2)");
        assertThat(frame.tiles().get(DashboardTile.PATIENTS).headline()).isEqualTo("350/s");
        assertThat(frame.tiles().get(DashboardTile.JOBS).headline()).isEqualTo("4 running");
        assertThat(frame.tiles().get(DashboardTile.QUEUE).detail()).isEqualTo("oldest job waiting 2 min (longest)");
        assertThat(frame.tiles().get(DashboardTile.ACQUIRE).headline()).isEqualTo("7.50 ms");
        assertThat(frame.tiles().get(DashboardTile.POOL).headline()).isEqualTo("3 of 20");
        assertThat(frame.tiles().get(DashboardTile.CPU).detail()).isEqualTo("busiest server, of its processors");
        assertThat(frame.tiles().get(DashboardTile.ERRORS).level()).isEqualTo(Level.WARNING);

        // A server that stops answering is left out of the totals and named.
        clock.advance(Duration.ofSeconds(30));
        local.emit(rate(clock.instant(), 100));
        ticker.tick();
        frame = vm.frameProperty().get();
        assertThat(frame.tiles().get(DashboardTile.PATIENTS).headline()).isEqualTo("100/s");
        assertThat(frame.notice()).isEqualTo("Not included: Remote (silent for 30 s)");

        connections.remove(remote.connection);
        assertThat(remote.listeners).as("unsubscribed").isEmpty();
        assertThat(vm.frameProperty().get().scope()).isEqualTo("All servers (1)");

        vm.allServersProperty().set(false);
        assertThat(vm.frameProperty().get().scope()).isEqualTo("Local engine");
    }

    @Test
    void detachingReleasesSubscriptionsAndTheTick() {
        vm.attach();
        assertThat(local.listeners).hasSize(1);
        assertThat(ticker.active()).isEqualTo(1);
        vm.detach();
        assertThat(local.listeners).isEmpty();
        assertThat(ticker.active()).isZero();

        FakeServer other = new FakeServer("Other");
        connections.add(other.connection);
        active.set(other.connection);
        assertThat(other.listeners).as("hidden screens subscribe to nothing").isEmpty();
        vm.attach();
        assertThat(other.listeners).hasSize(1);
        assertThat(local.listeners).isEmpty();
    }

    @Test
    void timeoutsCountWhatHappenedInTheWindow() {
        local.history.add(MetricsFakes.snapshot(START.minusSeconds(60), 0, 0, 0, 0, 1, 10, 1, 5, 1, 0, 0));
        local.history.add(MetricsFakes.snapshot(START, 0, 0, 0, 0, 1, 10, 1, 8, 1, 0, 0));
        vm.attach();
        DashboardFrame.TileReading timeouts = vm.frameProperty().get().tiles().get(DashboardTile.TIMEOUTS);
        assertThat(timeouts.headline()).isEqualTo("3");
        assertThat(timeouts.detail()).isEqualTo("in 5 min · 8 since start");
        assertThat(timeouts.level()).isEqualTo(Level.DANGER);
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
