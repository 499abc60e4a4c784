package org.patientgen.engine.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.patientgen.engine.testing.FakeDataSource;

/** A transaction that cannot get a connection fails with the pool's own exception. */
class TransactionsTest {
    @Test
    void aBorrowTimeoutWithoutSqlStateIsPassedOn() {
        FakeDataSource db = new FakeDataSource();
        // HikariCP's timeout carries no SQLSTATE when the database gave none.
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "test - Connection is not available, request timed out after 250ms");
        db.fail(timeout);
        assertThatThrownBy(() -> new Transactions(db).run(c -> 1)).isSameAs(timeout);
    }
}
