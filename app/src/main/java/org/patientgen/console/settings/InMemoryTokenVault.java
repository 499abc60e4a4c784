package org.patientgen.console.settings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens in memory only: for tests and screenshots. */
public final class InMemoryTokenVault implements TokenVault {
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<String> token(String server) {
        return Optional.ofNullable(tokens.get(server));
    }

    @Override
    public void store(String server, String token) {
        tokens.put(server, token);
    }

    @Override
    public void remove(String server) {
        tokens.remove(server);
    }
}
