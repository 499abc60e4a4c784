package org.patientgen.engine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * HTTP load against a running PatientGen server: a bounded number of {@code GET /api/v1/jobs}
 * (one page of 50 jobs) and {@code POST /api/v1/jobs} (a one-patient job, queued) requests, first
 * at a fixed rate, then flat out, printing requests/s achieved, latency percentiles and errors.
 *
 * <p><b>Fixed rate without coordinated omission.</b> Request {@code i} is due at
 * {@code start + i / rate}; a pacer hands it to a pool of sender threads at that moment, and its
 * latency is measured from when it was <em>due</em>, not from when a sender got to it. If the
 * server stalls, requests that should have gone out meanwhile count the stall in their latency, as
 * real users arriving at that rate would feel it; a closed loop would instead send fewer requests
 * and hide it. <b>Flat out</b> is a closed loop: {@code --concurrency} senders each send the next
 * request as soon as the previous answered (latency from send).
 *
 * <p>Run by {@code engine/bench/api-load-benchmark.sh}, which starts the server. Options:
 * {@code --url URL} and {@code --token-file F} (required), {@code --requests N} (20000) per
 * scenario, {@code --rate R} (500), {@code --concurrency C} (16), {@code --senders S} (64, threads
 * of the fixed-rate runs), {@code --warmup N} (3000 requests of each kind first, not reported).
 */
public final class ApiLoadBenchmark {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String SUBMIT = "{\"population\": 1, \"seed\": 1, \"shardSize\": 1,"
            + " \"labels\": {\"bench\": \"api-load\"}}";

    private final OkHttpClient http;
    private final String url;
    private final String authorization;

    private ApiLoadBenchmark(String url, String token, int connections) {
        // Idle connections are dropped after 20 s, before the server's 30 s idle timeout closes them under a request.
        this.http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(connections, 20, TimeUnit.SECONDS))
                .readTimeout(Duration.ofSeconds(60)).retryOnConnectionFailure(false).build();
        this.url = url.replaceAll("/$", "");
        this.authorization = "Bearer " + token;
    }

    private record Options(String url, Path tokenFile, int requests, int rate, int concurrency, int senders,
                           int warmup) {
        static Options parse(String[] args) {
            String url = null;
            Path token = null;
            int requests = 20_000;
            int rate = 500;
            int concurrency = 16;
            int senders = 64;
            int warmup = 3_000;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--token-file" -> token = Path.of(args[++i]);
                    case "--requests" -> requests = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Integer.parseInt(args[++i]);
                    case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                    case "--senders" -> senders = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; see the ApiLoadBenchmark Javadoc for the options");
                }
            }
            if (url == null || token == null) {
                throw new IllegalArgumentException("--url and --token-file are required");
            }
            return new Options(url, token, requests, rate, concurrency, senders, warmup);
        }
    }

    /** What one kind of request does. */
    private enum Kind {
        LIST("GET /api/v1/jobs"), SUBMIT("POST /api/v1/jobs");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Latencies (ns, by request) and failures of one run. */
    private static final class Run {
        final long[] latencies;
        final Map<String, Integer> errors = new TreeMap<>();
        long firstSend = Long.MAX_VALUE;
        long lastEnd;

        Run(int requests) {
            latencies = new long[requests];
        }

        synchronized void record(int i, long due, long sent, long end, String error) {
            latencies[i] = end - due;
            firstSend = Math.min(firstSend, sent);
            lastEnd = Math.max(lastEnd, end);
            if (error != null) {
                errors.merge(error, 1, Integer::sum);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        String token = Files.readString(o.tokenFile(), StandardCharsets.UTF_8).strip();
        ApiLoadBenchmark bench = new ApiLoadBenchmark(o.url(), token, Math.max(o.senders(), o.concurrency()));
        System.out.printf(Locale.ROOT, "PatientGen API load: %s, %,d requests per run, fixed rate %d/s, flat out with"
                + " %d connections; load generator on %s%n", o.url(), o.requests(), o.rate(), o.concurrency(),
                System.getProperty("java.version"));
        for (Kind kind : Kind.values()) {
            bench.closedLoop(kind, o.warmup(), o.concurrency());
        }
        System.out.printf(Locale.ROOT, "%-20s %-12s %9s %11s %8s %8s %8s %8s  %s%n", "request", "load", "requests",
                "achieved/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
        // Submits first, so that the listing pages through a table that holds the submitted jobs.
        for (Kind kind : new Kind[] {Kind.SUBMIT, Kind.LIST}) {
            report(kind, o.rate() + "/s", bench.fixedRate(kind, o.requests(), o.rate(), o.senders()));
            report(kind, "flat out", bench.closedLoop(kind, o.requests(), o.concurrency()));
        }
        bench.http.dispatcher().executorService().shutdown();
        bench.http.connectionPool().evictAll();
    }

    /** {@code requests} requests due at {@code rate} per second, sent by {@code senders} threads. */
    private Run fixedRate(Kind kind, int requests, int rate, int senders) throws InterruptedException {
        Run run = new Run(requests);
        ExecutorService pool = Executors.newFixedThreadPool(senders, daemon("bench-sender-"));
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pool.execute(() -> send(kind, run, index, due));
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests did not finish within 10 minutes");
        }
        return run;
    }

    /** {@code requests} requests by {@code concurrency} threads, each sending when its last one answered. */
    private Run closedLoop(Kind kind, int requests, int concurrency) throws InterruptedException {
        Run run = new Run(requests);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemon("bench-loop-"));
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    send(kind, run, i, System.nanoTime());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests did not finish within 10 minutes");
        }
        return run;
    }

    private void send(Kind kind, Run run, int index, long due) {
        Request.Builder request = new Request.Builder().header("Authorization", authorization);
        if (kind == Kind.LIST) {
            request.url(url + "/api/v1/jobs");
        } else {
            request.url(url + "/api/v1/jobs").post(RequestBody.create(SUBMIT, JSON));
        }
        long sent = System.nanoTime();
        String error = null;
        try (Response response = http.newCall(request.build()).execute()) {
            response.body().bytes();
            int expected = kind == Kind.LIST ? 200 : 201;
            if (response.code() != expected) {
                error = "HTTP " + response.code();
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("[0-9]+", "N");
        }
        run.record(index, due, sent, System.nanoTime(), error);
    }

    private static void report(Kind kind, String load, Run run) {
        long[] sorted = run.latencies.clone();
        Arrays.sort(sorted);
        double seconds = (run.lastEnd - run.firstSend) / 1e9;
        int failed = run.errors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "%-20s %-12s %,9d %,11.0f %8.1f %8.1f %8.1f %8.1f  %s%n", kind.label, load,
                sorted.length, sorted.length / seconds, millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, failed == 0 ? "0" : failed + " " + run.errors);
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
