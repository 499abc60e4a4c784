package org.patientgen.console.settings;

import java.util.Optional;

/**
 * Where the console keeps each remote server's token, by server name: never in the plain settings
 * files. Calls may do I/O: make them off the UI thread.
 */
public interface TokenVault {
    /** The token stored for {@code server}, if any (empty also when it cannot be read back). */
    Optional<String> token(String server);

    /** Stores {@code token} for {@code server}, replacing any. */
    void store(String server, String token);

    /** Forgets {@code server}'s token. */
    void remove(String server);
}
