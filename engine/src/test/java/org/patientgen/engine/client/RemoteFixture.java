package org.patientgen.engine.client;

import java.nio.file.Path;
import org.patientgen.engine.server.ServerFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** A real server (see {@link ServerFixture}) and a client of it for each role. */
final class RemoteFixture implements AutoCloseable {
    final ServerFixture server;
    final RemoteService admin;
    final RemoteService operator;
    final RemoteService viewer;

    private RemoteFixture(ServerFixture server) {
        this.server = server;
        this.admin = Clients.connect(server, server.admin);
        this.operator = Clients.connect(server, server.operator);
        this.viewer = Clients.connect(server, server.viewer);
    }

    /** A server on {@code backend} with {@code workers} shard workers and the rate limit out of the way. */
    static RemoteFixture start(Backend backend, Path temp, int workers) throws Exception {
        return new RemoteFixture(ServerFixture.start(backend, temp, workers, Clients.server()));
    }

    @Override
    public void close() {
        admin.close();
        operator.close();
        viewer.close();
        server.close();
    }
}
