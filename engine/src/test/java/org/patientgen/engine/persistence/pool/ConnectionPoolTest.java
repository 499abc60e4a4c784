package org.patientgen.engine.persistence.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.InvalidSettingsException;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolSettingsRevision;
import org.patientgen.engine.api.SettingsProblem;
import org.patientgen.engine.api.TransactionIsolation;
import org.patientgen.engine.persistence.IsolationAwareDataSource;
import org.patientgen.engine.persistence.Transactions;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** Live apply vs restart, restart without failing in-flight work, revisions and rollback; on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ConnectionPoolTest {
    @Parameter
    Backend backend;

    StoreFixture db;
    ConnectionPool pool;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
        pool = db.pool;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void changesHikariCanMakeLiveApplyWithoutRestart() throws Exception {
        PoolSettings next = pool.desired().toBuilder().maximumPoolSize(5).minimumIdle(2).connectionTimeout(10_000)
                .leakDetectionThreshold(5_000).maxLifetime(600_000).idleTimeout(300_000).build();

        PoolChange change = pool.apply(next, "alice", "fewer connections");

        assertThat(change.appliedLive()).containsExactly("maximumPoolSize", "minimumIdle", "connectionTimeout",
                "idleTimeout", "maxLifetime", "leakDetectionThreshold");
        assertThat(change.needsRestart()).isEmpty();
        assertThat(change.restartRequired()).isFalse();
        assertThat(pool.liveConfig().getMaximumPoolSize()).isEqualTo(5);
        assertThat(pool.liveConfig().getMinimumIdle()).isEqualTo(2);
        assertThat(pool.liveConfig().getConnectionTimeout()).isEqualTo(10_000);
        assertThat(pool.liveConfig().getLeakDetectionThreshold()).isEqualTo(5_000);
        assertThat(pool.running()).isEqualTo(next);
        assertThat(pool.pendingRestart()).isEmpty();
    }

    @Test
    void changesHikariCannotMakeLiveWaitForARestart() throws Exception {
        PoolSettings before = pool.running();
        PoolSettings next = pool.desired().toBuilder().maximumPoolSize(6).autoCommit(false).keepaliveTime(60_000).build();

        PoolChange change = pool.apply(next, "alice", "explicit transactions");

        assertThat(change.appliedLive()).containsExactly("maximumPoolSize");
        assertThat(change.needsRestart()).containsExactly("keepaliveTime", "autoCommit");
        assertThat(pool.pendingRestart()).containsExactly("keepaliveTime", "autoCommit");
        assertThat(pool.running().autoCommit()).isEqualTo(before.autoCommit());
        assertThat(pool.running().maximumPoolSize()).isEqualTo(6);
        try (Connection c = pool.dataSource().getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
        }

        pool.restart("alice", "apply autoCommit");

        assertThat(pool.pendingRestart()).isEmpty();
        assertThat(pool.running()).isEqualTo(next);
        try (Connection c = pool.dataSource().getConnection()) {
            assertThat(c.getAutoCommit()).isFalse();
        }
    }

    @Test
    void partlyLiveChangeThatWouldBeInconsistentWaitsWholeForTheRestart() throws Exception {
        // A 60 s maxLifetime applied live next to the running 2 min keepalive would break a rule.
        PoolSettings next = pool.desired().toBuilder().maxLifetime(60_000).idleTimeout(30_000).keepaliveTime(0).build();

        PoolChange change = pool.apply(next, "alice", "short lifetimes");

        assertThat(change.appliedLive()).isEmpty();
        assertThat(change.needsRestart()).containsExactly("idleTimeout", "maxLifetime", "keepaliveTime");
        assertThat(pool.liveConfig().getMaxLifetime()).isEqualTo(1_800_000);
    }

    @Test
    void transactionsRunAtReadCommittedAndSetItOnlyWhenThePoolDefaultDiffers() throws Exception {
        IsolationAwareDataSource source = (IsolationAwareDataSource) pool.dataSource();
        Transactions tx = new Transactions(source);
        assertThat(source.connectionsStartReadCommitted()).as("the driver's default on %s", backend).isTrue();
        assertThat(tx.run(Connection::getTransactionIsolation)).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);

        pool.apply(pool.desired().toBuilder().transactionIsolation(TransactionIsolation.SERIALIZABLE).build(), "alice",
                "stricter default");
        pool.restart("alice", "apply the isolation");

        assertThat(source.connectionsStartReadCommitted()).isFalse();
        assertThat(tx.run(Connection::getTransactionIsolation)).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        try (Connection c = source.getConnection()) {
            assertThat(c.getTransactionIsolation()).as("the pool resets what a transaction set")
                    .isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        }
    }

    @Test
    void restartDoesNotFailABorrowInFlight() throws Exception {
        try (Connection held = pool.dataSource().getConnection()) {
            held.setAutoCommit(false);
            insertAudit(held, "before restart");

            pool.restart("alice", "new pool");

            assertThat(pool.retiringPools()).isEqualTo(1);
            Thread.sleep(200); // several retirer polls: the old pool must stay open while we hold its connection
            assertThat(pool.retiringPools()).isEqualTo(1);
            insertAudit(held, "after restart");
            held.commit();
        }
        assertThat(pool.awaitRetired(Duration.ofSeconds(10))).isTrue();
        try (Connection fresh = pool.dataSource().getConnection(); Statement s = fresh.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'test'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    private static void insertAudit(Connection c, String details) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (occurred_at, actor, action, target_type,"
                + " target_id, details) VALUES (CURRENT_TIMESTAMP, 'test', 'test', 'test', 'x', ?)")) {
            ps.setString(1, details);
            ps.executeUpdate();
        }
    }

    @Test
    void everyAppliedVersionIsARevisionThatCanBeRolledBackTo() throws Exception {
        PoolSettings initial = pool.desired();
        db.clock.advance(Duration.ofMinutes(1));
        PoolSettings a = initial.toBuilder().maximumPoolSize(4).minimumIdle(1).build();
        long revA = pool.apply(a, "alice", "smaller").revision().revision();
        db.clock.advance(Duration.ofMinutes(1));
        PoolSettings b = a.toBuilder().poolName("renamed").build();
        assertThat(pool.apply(b, "bob", "clearer name").needsRestart()).containsExactly("poolName");

        List<PoolSettingsRevision> history = pool.history();
        assertThat(history).extracting(PoolSettingsRevision::appliedBy).containsExactly("bob", "alice", "engine");
        assertThat(history).extracting(PoolSettingsRevision::reason)
                .containsExactly("clearer name", "smaller", "initial settings");
        assertThat(history).extracting(PoolSettingsRevision::settings).containsExactly(b, a, initial);
        assertThat(history.get(0).appliedAt()).isEqualTo(db.clock.instant());
        assertThat(history.get(1).appliedAt()).isEqualTo(db.clock.instant().minus(Duration.ofMinutes(1)));

        PoolChange rollback = pool.rollback(revA, "carol", "the rename broke a dashboard");

        assertThat(rollback.revision().rollbackOf()).isEqualTo(revA);
        assertThat(rollback.revision().settings()).isEqualTo(a);
        // The rename was still waiting for a restart; rolling back withdraws it, nothing is left to restart.
        assertThat(pool.pendingRestart()).isEmpty();
        assertThat(rollback.needsRestart()).isEmpty();
        assertThat(pool.desired()).isEqualTo(a);
        assertThat(pool.history()).hasSize(4);
        assertThat(pool.history().get(0).appliedBy()).isEqualTo("carol");
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT action FROM audit_log ORDER BY id")) {
            StringBuilder actions = new StringBuilder();
            while (rs.next()) {
                actions.append(rs.getString(1)).append(' ');
            }
            assertThat(actions.toString().trim()).isEqualTo("pool.apply pool.apply pool.rollback");
        }
        assertThatThrownBy(() -> pool.rollback(999, "carol", "x")).hasMessage("no pool settings revision 999");
    }

    @Test
    void settingsBeyondTheDatabasesOwnLimitsAreRejectedAndNothingIsStored() throws Exception {
        assumeTrue(backend == Backend.POSTGRESQL, "only PostgreSQL has a connection time limit to respect");
        String database = db.target.jdbcUrl().substring(db.target.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c = pool.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " SET idle_session_timeout = '60s'");
        }
        try (ConnectionPool limited = ConnectionPool.open(db.target, pool.desired().toBuilder().maxLifetime(50_000)
                .idleTimeout(20_000).keepaliveTime(0).build(), db.clock, Duration.ofSeconds(5))) {
            assertThat(limited.limits().connectionTimeLimitMillis()).isEqualTo(60_000);
            assertThat(limited.limits().maxConnections()).isPositive();
            int revisions = limited.history().size();

            PoolSettings tooLong = limited.desired().toBuilder().maxLifetime(1_800_000).idleTimeout(600_000).build();
            assertThatThrownBy(() -> limited.apply(tooLong, "alice", "longer"))
                    .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                            .extracting(SettingsProblem::field).containsExactly("maxLifetime"))
                    .hasMessageContaining("PostgreSQL idle_session_timeout = 1 min (60000 ms)");
            assertThat(limited.history()).hasSize(revisions);
            assertThat(limited.validate(tooLong.toBuilder())).hasSize(1);
        }
    }
}
