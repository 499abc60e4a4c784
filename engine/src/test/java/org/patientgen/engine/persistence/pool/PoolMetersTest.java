package org.patientgen.engine.persistence.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.testing.MutableClock;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** HikariCP's meters follow the serving pool across restarts, under a stable pool tag; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
@SuppressWarnings("try") // connections are borrowed only to be counted by the pool's gauges
class PoolMetersTest {
    @Parameter
    Backend backend;

    PrometheusMeterRegistry registry;
    StoreFixture db;
    ConnectionPool pool;

    @BeforeEach
    void open() throws Exception {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        db = StoreFixture.open(backend, MutableClock.fixed(), registry);
        pool = db.pool;
    }

    @AfterEach
    void close() {
        db.close();
        registry.close();
    }

    private double gauge(String name, String poolTag) {
        return registry.get(name).tag("pool", poolTag).gauge().value();
    }

    private Timer acquireTimer(String poolTag) {
        return registry.get("hikaricp.connections.acquire").tag("pool", poolTag).timer();
    }

    @Test
    void afterRestartTheGaugesDescribeTheNewPoolAndTheOldPoolsDrainRemovesNothing() throws Exception {
        long acquiredBefore;
        try (Connection onOldPool = pool.dataSource().getConnection()) {
            acquiredBefore = acquireTimer("test").count();
            assertThat(acquiredBefore).isPositive();

            pool.restart("alice", "metrics hand-off");
            pool.apply(pool.desired().toBuilder().maximumPoolSize(6).build(), "alice", "only the new pool shrinks");
            try (Connection first = pool.dataSource().getConnection();
                 Connection second = pool.dataSource().getConnection()) {
                assertThat(pool.retiringPools()).isEqualTo(1);
                // The old pool still lends one connection and has 8 at most; the new one lends 2 of 6.
                assertThat(gauge("hikaricp.connections.active", "test")).isEqualTo(2.0);
                assertThat(gauge("hikaricp.connections.max", "test")).isEqualTo(6.0);
                assertThat(registry.find("hikaricp.connections.active").gauges()).hasSize(1);
                assertThat(registry.scrape()).contains("hikaricp_connections_active{pool=\"test\"} 2")
                        .contains("hikaricp_connections_max{pool=\"test\"} 6");
                // The timer is shared, not restarted: restart's audit row and the two borrows count on.
                assertThat(acquireTimer("test").count()).isGreaterThanOrEqualTo(acquiredBefore + 3);
            }
        }

        assertThat(pool.awaitRetired(Duration.ofSeconds(10))).isTrue();
        // The retired pool closed; its tracker removed none of the meters the serving pool publishes.
        assertThat(registry.find("hikaricp.connections.active").tag("pool", "test").gauges()).hasSize(1);
        assertThat(registry.find("hikaricp.connections.acquire").tag("pool", "test").timers()).hasSize(1);
        assertThat(registry.find("hikaricp.connections.timeout").tag("pool", "test").counters()).hasSize(1);
        try (Connection c = pool.dataSource().getConnection()) {
            Thread.sleep(1_100); // HikariCP refreshes the figures behind its gauges at most once a second
            assertThat(gauge("hikaricp.connections.active", "test")).isEqualTo(1.0);
        }

        pool.close();
        assertThat(registry.find("hikaricp.connections.active").gauges()).isEmpty();
        assertThat(registry.find("hikaricp.connections.acquire").timers()).isEmpty();
    }

    @Test
    void aRestartThatRenamesThePoolMovesEveryMeterToTheNewName() throws Exception {
        pool.apply(pool.desired().toBuilder().poolName("renamed").build(), "alice", "clearer name");
        try (Connection onOldPool = pool.dataSource().getConnection()) {
            pool.restart("alice", "apply the name");

            assertThat(registry.find("hikaricp.connections.active").tag("pool", "test").gauges()).isEmpty();
            assertThat(registry.find("hikaricp.connections.acquire").tag("pool", "test").timers()).isEmpty();
            assertThat(gauge("hikaricp.connections.max", "renamed")).isEqualTo(8.0);
            assertThat(acquireTimer("renamed").count()).isEqualTo(1); // restart's audit row
        }
        assertThat(pool.awaitRetired(Duration.ofSeconds(10))).isTrue();
        assertThat(registry.find("hikaricp.connections.active").tag("pool", "renamed").gauges()).hasSize(1);
    }

    @Test
    void restartsInARowKeepOneSetOfMeters() throws Exception {
        for (int i = 0; i < 3; i++) {
            pool.restart("alice", "restart " + i);
        }
        assertThat(pool.awaitRetired(Duration.ofSeconds(10))).isTrue();

        assertThat(registry.find("hikaricp.connections.active").gauges()).hasSize(1);
        assertThat(registry.find("hikaricp.connections").gauges()).hasSize(1);
        try (Connection c = pool.dataSource().getConnection()) {
            assertThat(gauge("hikaricp.connections.active", "test")).isEqualTo(1.0);
            assertThat(gauge("hikaricp.connections.max", "test")).isEqualTo(8.0);
        }
    }
}
