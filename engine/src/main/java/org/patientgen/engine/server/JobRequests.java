package org.patientgen.engine.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.RetryPolicy;
import org.patientgen.engine.wire.JobRequest;

/**
 * Completes {@link JobRequest}s with the server's defaults and checks where their output may go.
 *
 * <p>Defaults: a random seed, state MA, 10 years of history, {@code fhir-ndjson}, today (server
 * clock, UTC) as the end date, the configured shard size, priority 0, the default retry policy, and
 * an output directory {@code <data-dir>/jobs/<generated name>}. The owner is the caller.
 */
public final class JobRequests {
    /** Defaults documented in {@code docs/server.md}. */
    public static final String DEFAULT_STATE = "MA";
    public static final int DEFAULT_YEARS = 10;
    public static final List<String> DEFAULT_FORMATS = List.of("fhir-ndjson");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path dataDirectory;
    private final ServerConfig config;
    private final Clock clock;

    public JobRequests(Path dataDirectory, ServerConfig config, Clock clock) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.config = config;
        this.clock = clock;
    }

    /** A submission for a stand-alone job, output under {@code <data-dir>/jobs/}. */
    public JobSubmission submission(JobRequest request, String owner) {
        return submission(request, owner, () -> dataDirectory.resolve("jobs").resolve(generatedName("job")));
    }

    /**
     * A submission from {@code request}, with {@code defaultOutput} when it names no output.
     *
     * @throws PatientGenException {@link ErrorKind#INVALID} naming the problem
     */
    public JobSubmission submission(JobRequest request, String owner, Supplier<Path> defaultOutput) {
        if (request == null || request.population() == null) {
            throw invalid("field 'population' is required: how many patients to generate, e.g. {\"population\": 100}");
        }
        try {
            String output = request.output() != null ? request.output() : defaultOutput.get().toString();
            checkOutput(output);
            GenerationSpec spec = new GenerationSpec(request.population(),
                    request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(),
                    request.state() != null ? request.state() : DEFAULT_STATE,
                    request.endDate() != null ? request.endDate() : LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                    request.yearsOfHistory() != null ? request.yearsOfHistory() : DEFAULT_YEARS,
                    request.formats() != null ? request.formats() : DEFAULT_FORMATS,
                    request.modules(), output,
                    request.shardSize() != null ? request.shardSize() : config.defaultShardSize());
            return new JobSubmission(spec, request.priority() != null ? request.priority() : 0, owner,
                    request.labels() != null ? request.labels() : Map.of(),
                    request.retry() != null ? request.retry() : RetryPolicy.DEFAULT);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A directory name unique enough for default outputs: {@code job-20261103-142530-3fa9c1}. */
    public String generatedName(String kind) {
        return kind + "-" + STAMP.format(clock.instant()) + "-"
                + String.format(Locale.ROOT, "%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }

    /** The server's data directory (default outputs live under it). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    private void checkOutput(String output) {
        if (config.outputRoots().isEmpty()) {
            return;
        }
        Path path;
        try {
            path = Path.of(output).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw invalid("output location '" + output + "' is not a valid path: " + e.getReason());
        }
        if (!path.startsWith(dataDirectory) && config.outputRoots().stream().noneMatch(path::startsWith)) {
            throw new PatientGenException(ErrorKind.FORBIDDEN, "output location '" + output + "' is outside the"
                    + " directories this server writes to (its data directory and " + config.outputRoots()
                    + "); leave 'output' out to use the default, or choose a directory under one of them");
        }
    }

    private static PatientGenException invalid(String message) {
        return new PatientGenException(ErrorKind.INVALID, message);
    }
}
