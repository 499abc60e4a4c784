package org.patientgen.engine.persistence;

import javax.sql.DataSource;

/**
 * A data source that knows whether the connections it hands out start at READ COMMITTED, so that
 * {@link Transactions} need not set the level on every transaction: on PostgreSQL each
 * {@code setTransactionIsolation} is a statement and a round trip of its own (pgjdbc sends it
 * even when the level does not change), which the job queue's claim and completion would pay on
 * every shard.
 */
public interface IsolationAwareDataSource extends DataSource {
    /** Whether every connection this source hands out is at READ COMMITTED when borrowed. */
    boolean connectionsStartReadCommitted();
}
