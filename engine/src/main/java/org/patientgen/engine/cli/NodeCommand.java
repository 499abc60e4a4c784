package org.patientgen.engine.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code patientgen node}: runs an engine node without an HTTP API: it claims and runs shards,
 * fires schedules and releases workflow jobs until stopped (SIGTERM or Ctrl-C), cooperating with
 * other nodes through a shared PostgreSQL database.
 */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a worker node: claim and run job shards, fire schedules, until stopped (SIGTERM).")
final class NodeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions options;

    @Override
    public Integer call() throws SQLException, InterruptedException {
        EngineConfig config = options.config();
        Engine engine = Engine.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }, "patientgen-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("node " + config.node() + " running " + config.workers() + " workers (shard lease "
                + Durations.format(config.shardSettings().lease()) + ") on " + config.database());
        out.flush();
        stopped.await();
        return 0;
    }
}
