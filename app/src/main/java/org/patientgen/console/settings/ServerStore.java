package org.patientgen.console.settings;

import java.util.List;

/**
 * Where the remote servers the console remembers are kept, without their tokens (those are in a
 * {@link TokenVault}). Calls may do I/O: make them off the UI thread.
 */
public interface ServerStore {
    /** The remembered servers in the order the user added them; empty when none or unreadable. */
    List<ServerEntry> load();

    /** Remembers exactly {@code servers}. */
    void save(List<ServerEntry> servers);
}
