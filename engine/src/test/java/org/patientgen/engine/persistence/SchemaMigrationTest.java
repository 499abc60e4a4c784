package org.patientgen.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.patientgen.engine.testing.MutableClock;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** The one Flyway schema runs unchanged on H2 and PostgreSQL, and re-running it is harmless. */
@ParameterizedClass
@EnumSource(Backend.class)
class SchemaMigrationTest {
    static final List<String> TABLES = List.of("jobs", "job_labels", "job_transitions", "shards", "schedules",
            "schedule_fires", "workflows", "workflow_edges", "pool_settings_revisions", "audit_log", "metric_history");

    @Parameter
    Backend backend;

    @Test
    void createsEveryTable() throws Exception {
        try (StoreFixture db = StoreFixture.open(backend)) {
            assertThat(db.pool.schemaVersion()).isEqualTo("4");
            assertThat(db.pool.dialect().name()).isEqualTo(backend.name());
            try (Connection c = db.pool.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(table).isGreaterThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    @Test
    void reopeningMigratesNothingAndResumesTheLatestSettings() throws Exception {
        PoolSettings changed;
        try (StoreFixture db = StoreFixture.open(backend)) {
            changed = db.pool.desired().toBuilder().maximumPoolSize(6).keepaliveTime(60_000).build();
            db.pool.apply(changed, "alice", "smaller pool");
            try (ConnectionPool again = ConnectionPool.open(db.target, StoreFixture.testSettings().build(),
                    new MutableClock(db.clock.instant()), Duration.ofSeconds(5))) {
                assertThat(again.schemaVersion()).isEqualTo("4");
                assertThat(again.desired()).isEqualTo(changed);
                assertThat(again.running()).isEqualTo(changed);
                assertThat(again.history()).hasSize(2);
            }
        }
    }
}
