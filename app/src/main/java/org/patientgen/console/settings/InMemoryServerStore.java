package org.patientgen.console.settings;

import java.util.List;

/** Servers kept in memory only: for tests and screenshots. */
public final class InMemoryServerStore implements ServerStore {
    private volatile List<ServerEntry> servers = List.of();

    @Override
    public List<ServerEntry> load() {
        return servers;
    }

    @Override
    public void save(List<ServerEntry> newServers) {
        servers = List.copyOf(newServers);
    }
}
