package org.patientgen.console.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.api.DatabaseLimits;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolStatus;

/** HikariCP's pool-sizing formula, bounded by the database's max_connections. */
class PoolSizingTest {

    @Test
    void hikariCpsExampleFourCoresOneDiskIsNine() {
        PoolSizing s = new PoolSizing(4, 1, 0, 1);
        assertThat(s.formula()).isEqualTo(9);
        assertThat(s.maximumPoolSize()).isEqualTo(9);
        assertThat(s.minimumIdle()).isEqualTo(9);
        assertThat(s.perNodeShare()).isEmpty();
        assertThat(s.limitedByDatabase()).isFalse();
        assertThat(s.reasoning()).containsExactly(
                "4 cores × 2 + 1 disk = 9 (HikariCP's pool-sizing formula)",
                "The database does not report max_connections, so only the formula applies",
                "Recommended: 9 connections, minimum idle the same (a fixed-size pool, as HikariCP advises)");
    }

    @Test
    void aCachedDataSetCountsNoSpindles() {
        assertThat(new PoolSizing(8, 0, 0, 1).maximumPoolSize()).isEqualTo(16);
    }

    @Test
    void aRoomyDatabaseLeavesTheFormulaInCharge() {
        PoolSizing s = new PoolSizing(4, 1, 100, 1);
        assertThat(s.headroom()).isEqualTo(10);
        assertThat(s.perNodeShare()).hasValue(90);
        assertThat(s.maximumPoolSize()).isEqualTo(9);
        assertThat(s.reasoning().get(1)).isEqualTo("max_connections 100 − 10 kept for other clients = 90 for this engine");
    }

    @Test
    void manyNodesShareWhatMaxConnectionsLeaves() {
        PoolSizing s = new PoolSizing(16, 2, 100, 4);
        assertThat(s.formula()).isEqualTo(34);
        assertThat(s.perNodeShare()).hasValue(22);
        assertThat(s.maximumPoolSize()).isEqualTo(22);
        assertThat(s.limitedByDatabase()).isTrue();
        assertThat(s.reasoning().get(1)).isEqualTo("max_connections 100 − 10 kept for other clients, ÷ 4 nodes = 22 per node");
        assertThat(s.reasoning().get(2)).endsWith("; the database's limit is the tighter bound");
    }

    @Test
    void aSmallDatabaseKeepsAtLeastThreeFreeAndTheSizeBelowItsLimit() {
        PoolSizing s = new PoolSizing(8, 1, 12, 1);
        assertThat(s.headroom()).isEqualTo(PoolSizing.MIN_HEADROOM);
        assertThat(s.maximumPoolSize()).isEqualTo(9).isLessThan(12);
        assertThat(new PoolSizing(8, 1, 5, 3).maximumPoolSize()).as("never below one").isEqualTo(1);
    }

    @Test
    void theSizeNeverExceedsHikariCpsCeiling() {
        assertThat(new PoolSizing(1_024, 8, 0, 1).maximumPoolSize()).isEqualTo(1_000);
    }

    @Test
    void readsCoresAndMaxConnectionsFromThePoolStatus() {
        PoolStatus status = new PoolStatus(PoolSettings.defaults(), PoolSettings.defaults(), List.of(), 1,
                new DatabaseLimits(0, "", 40), "PostgreSQL", 2);
        PoolSizing s = PoolSizing.of(status, 1, 2);
        assertThat(s).isEqualTo(new PoolSizing(2, 1, 40, 2));
        assertThat(s.maximumPoolSize()).isEqualTo(5);
    }

    @Test
    void rejectsImpossibleInputs() {
        assertThatThrownBy(() -> new PoolSizing(0, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolSizing(2, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoolSizing(2, -1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
