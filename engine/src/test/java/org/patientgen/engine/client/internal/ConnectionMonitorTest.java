package org.patientgen.engine.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.PatientGenService.Subscription;
import org.patientgen.engine.client.ConnectionState;
import org.patientgen.engine.client.ConnectionStatus;

class ConnectionMonitorTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void tellsListenersEachChangeOnceInOrderAndNothingAfterClosed() {
        ConnectionMonitor monitor = new ConnectionMonitor(clock, Runnable::run);
        List<ConnectionStatus> seen = new ArrayList<>();
        Subscription handle = monitor.addListener(seen::add);
        monitor.reached();
        monitor.reached();
        monitor.lost("cannot reach the server: connection refused");
        monitor.lost("again");
        monitor.reached();
        monitor.closed();
        monitor.reached();
        assertThat(seen).extracting(ConnectionStatus::state).containsExactly(ConnectionState.CONNECTING,
                ConnectionState.CONNECTED, ConnectionState.RECONNECTING, ConnectionState.CONNECTED,
                ConnectionState.CLOSED);
        assertThat(seen.get(2).detail()).isEqualTo("cannot reach the server: connection refused");
        assertThat(seen.get(2).since()).isEqualTo(clock.instant());
        assertThat(monitor.status().state()).isEqualTo(ConnectionState.CLOSED);
        handle.close();
    }

    @Test
    void aFailingListenerDoesNotStopOthersAndARemovedOneHearsNothing() {
        ConnectionMonitor monitor = new ConnectionMonitor(clock, Runnable::run);
        List<ConnectionState> seen = new ArrayList<>();
        monitor.addListener(s -> {
            throw new IllegalStateException("listener bug");
        });
        Subscription removed = monitor.addListener(s -> seen.add(null));
        monitor.addListener(s -> seen.add(s.state()));
        removed.close();
        monitor.lost("gone");
        assertThat(seen).containsExactly(null, ConnectionState.CONNECTING, ConnectionState.RECONNECTING);
    }
}
