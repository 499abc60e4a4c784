package org.patientgen.console.connection;

/** Where a connection's engine runs. */
public enum ConnectionKind {
    /** In this process, on the embedded database in the user's data directory. */
    LOCAL,
    /** On a server reached over HTTP. */
    REMOTE
}
