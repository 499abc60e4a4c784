package org.patientgen.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.HealthCheck;
import org.patientgen.engine.api.PoolUsage;
import org.patientgen.engine.testing.FakeDataSource;

/** The database probe never stalls readiness: a hung database, a busy pool, an unreachable one. */
class DatabaseCheckTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final PoolUsage QUIET = new PoolUsage(0, 2, 0, 2, 10);

    @Test
    void aHungDatabaseFailsWithinTheTimeoutAndHoldsOneThreadHoweverOftenItIsChecked() throws Exception {
        FakeDataSource db = new FakeDataSource();
        db.hang(new CountDownLatch(1));
        try (DatabaseCheck check = new DatabaseCheck(db, () -> QUIET, "H2", TIMEOUT)) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                HealthCheck result = check.check();
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertThat(result.ok()).isFalse();
                assertThat(result.detail()).isEqualTo("H2 did not answer within 300 ms; check the database server"
                        + " and network");
                assertThat(tookMs).isBetween(250L, 5_000L);
            }
            assertThat(db.borrows()).as("one probe at a time").isEqualTo(1);

            db.release();
            HealthCheck recovered = awaitOk(check);
            assertThat(recovered.detail()).startsWith("H2 answered in ");
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName()
                    .startsWith("patientgen-health-database-")).allMatch(Thread::isDaemon);
        }
    }

    private static HealthCheck awaitOk(DatabaseCheck check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        HealthCheck result = check.check();
        while (!result.ok() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            result = check.check();
        }
        return result;
    }

    @Test
    void aPoolWithEveryConnectionInUseIsNotProbed() {
        FakeDataSource db = new FakeDataSource();
        try (DatabaseCheck check = new DatabaseCheck(db, () -> new PoolUsage(2, 0, 1, 2, 2), "H2", TIMEOUT)) {
            HealthCheck result = check.check();
            assertThat(result.ok()).isTrue();
            assertThat(result.detail()).isEqualTo("not checked now: all 2 connections are in use (see pool)");
            assertThat(db.borrows()).isZero();
        }
    }

    @Test
    void anUnreachableDatabaseSaysWhy() {
        FakeDataSource db = new FakeDataSource();
        db.fail(new SQLException("Connection refused", "08001"));
        try (DatabaseCheck check = new DatabaseCheck(db, () -> QUIET, "PostgreSQL", TIMEOUT)) {
            HealthCheck result = check.check();
            assertThat(result).isEqualTo(new HealthCheck("database", false,
                    "cannot reach the database: Connection refused"));
        }
    }

    @Test
    void afterCloseItReportsTheEngineStopping() {
        DatabaseCheck check = new DatabaseCheck(new FakeDataSource(), () -> QUIET, "H2", TIMEOUT);
        check.close();
        assertThat(check.check().detail()).isEqualTo("not checked: the engine is stopping");
    }
}
