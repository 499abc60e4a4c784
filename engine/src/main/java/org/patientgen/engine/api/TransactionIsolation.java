package org.patientgen.engine.api;

/** Default isolation level of pooled connections (HikariCP's {@code transactionIsolation}). */
public enum TransactionIsolation {
    /** Leave the driver's default (READ COMMITTED on H2 and PostgreSQL). */
    DRIVER_DEFAULT(null),
    READ_UNCOMMITTED("TRANSACTION_READ_UNCOMMITTED"),
    READ_COMMITTED("TRANSACTION_READ_COMMITTED"),
    REPEATABLE_READ("TRANSACTION_REPEATABLE_READ"),
    SERIALIZABLE("TRANSACTION_SERIALIZABLE");

    private final String hikariName;

    TransactionIsolation(String hikariName) {
        this.hikariName = hikariName;
    }

    /** The name HikariCP expects, or {@code null} for the driver default. */
    public String hikariName() {
        return hikariName;
    }
}
