package org.patientgen.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.patientgen.engine.server.PatientGenServer;
import org.patientgen.engine.server.ServerConfig;
import org.patientgen.engine.server.ServerConfig.TlsSettings;
import org.patientgen.engine.server.logs.JsonLogging;
import org.patientgen.engine.server.tls.SelfSignedCertificate;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code patientgen serve}: an engine node with the HTTP API. Prints {@code listening on URL} on
 * stdout once ready (and, with {@code --self-signed}, the certificate's fingerprint on the line
 * before); logs go to stderr as JSON lines. Stops cleanly on SIGTERM or Ctrl-C: stops accepting
 * requests, lets running shards reach a checkpoint (or their leases lapse), closes the pool.
 *
 * <p>Every option can also come from {@code PATIENTGEN_*} environment variables or the
 * {@code --config} file (see {@link ServeDefaults}); the command line wins, then the environment,
 * then the file.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the HTTP API server (REST, WebSocket, metrics, health) with a worker node.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = ServeDefaults.CONFIG_OPTION, paramLabel = "FILE",
            description = "YAML file of settings (keys are the options' names in camelCase, e.g. dbUrl);"
                    + " options and PATIENTGEN_* variables override it.")
    Path config;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Interface to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--tls-keystore", paramLabel = "FILE", description = "Serve HTTPS with this PKCS#12 keystore.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "File holding the keystore's password (first line).")
    Path tlsKeystorePasswordFile;

    @Option(names = "--self-signed", description = "Serve HTTPS with a self-signed certificate kept in the data"
            + " directory (made on first use); prints its SHA-256 fingerprint for clients to pin.")
    boolean selfSigned;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest request body accepted at start (whole KiB; the runtime configuration's"
                    + " maxRequestBodyKiB, changed live with POST /api/v1/config). Default: ${DEFAULT-VALUE}.")
    long maxBodyBytes;

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "50",
            description = "Requests per second per token, sustained, at start (the runtime configuration's"
                    + " requestsPerMinutePerToken / 60, changed live with POST /api/v1/config). Default: ${DEFAULT-VALUE}.")
    double rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "100",
            description = "Requests a token may send at once. Default: ${DEFAULT-VALUE}.")
    int rateBurst;

    @Option(names = "--default-shard-size", paramLabel = "N", defaultValue = "10000",
            description = "Patients per shard when a job request gives none. Default: ${DEFAULT-VALUE}.")
    int defaultShardSize;

    @Option(names = "--output-root", paramLabel = "DIR", split = ",",
            description = "Job output must lie under one of these directories (repeatable). Default: anywhere.")
    List<Path> outputRoots = new ArrayList<>();

    @Option(names = "--heartbeat", paramLabel = "DURATION", defaultValue = "15s",
            description = "WebSocket ping interval. Default: ${DEFAULT-VALUE}.")
    String heartbeat;

    ServeDefaults defaults;

    @Override
    public Integer call() throws SQLException, InterruptedException {
        if (defaults != null) {
            defaults.check();
        }
        EngineConfig engineConfig = engine.config();
        ServerConfig serverConfig = serverConfig(engineConfig.dataDirectory());
        JsonLogging.install();
        PrintWriter out = spec.commandLine().getOut();
        if (selfSigned) {
            out.println("certificate sha256 fingerprint " + fingerprint(serverConfig.tls()));
        }
        Engine node = Engine.start(engineConfig);
        PatientGenServer server;
        try {
            server = PatientGenServer.start(node, serverConfig);
        } catch (RuntimeException e) {
            node.close();
            throw new UsageException("cannot listen on " + serverConfig.bindAddress() + ":" + serverConfig.port() + ": "
                    + rootMessage(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            node.close();
            stopped.countDown();
        }, "patientgen-shutdown"));
        out.println("listening on " + server.uri());
        out.flush();
        stopped.await();
        return 0;
    }

    private ServerConfig serverConfig(Path dataDirectory) {
        try {
            ServerConfig c = ServerConfig.defaults().withListen(bind, port)
                    .withLimits(maxBodyBytes, rateLimit, rateBurst)
                    .withJobs(defaultShardSize, outputRoots)
                    .withEvents(Durations.parse("--heartbeat", heartbeat), ServerConfig.defaults().eventBuffer());
            return c.withTls(tls(dataDirectory));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private TlsSettings tls(Path dataDirectory) {
        if (selfSigned && tlsKeystore != null) {
            throw new UsageException("--self-signed and --tls-keystore exclude each other; give one");
        }
        if (tlsKeystore != null) {
            if (tlsKeystorePasswordFile == null) {
                throw new UsageException("--tls-keystore needs --tls-keystore-password-file");
            }
            return new TlsSettings(tlsKeystore, DatabaseOptions.firstLine(tlsKeystorePasswordFile,
                    "--tls-keystore-password-file"));
        }
        if (tlsKeystorePasswordFile != null) {
            throw new UsageException("--tls-keystore-password-file needs --tls-keystore");
        }
        if (!selfSigned) {
            return null;
        }
        try {
            return SelfSignedCertificate.ensure(dataDirectory, bind, java.time.Clock.systemUTC());
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new UsageException("cannot create the self-signed certificate in " + dataDirectory + ": "
                    + e.getMessage());
        }
    }

    private static String fingerprint(TlsSettings tls) {
        try {
            return SelfSignedCertificate.fingerprint(tls);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new UsageException("cannot read the certificate " + tls.keystore() + ": " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
