package org.patientgen.engine.client.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.wire.Problem;
import org.patientgen.engine.wire.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one REST call: the bearer token, JSON in and out with {@link WireJson#mapper()}, retries
 * for calls that may be repeated, and every failure as a {@link PatientGenException} of the kind the
 * local engine would have thrown.
 *
 * <p><b>Retries.</b> A call marked {@link Retry#IDEMPOTENT} (reads, and writes whose repetition
 * leaves the same state and answer) is tried up to {@code attempts} times when the connection fails
 * or the server answers 503 or 429, waiting the server's {@code Retry-After} or else a jittered
 * backoff between tries. A {@code Retry-After} longer than {@code maxRetryAfter} is not waited for:
 * the call fails at once with the hint in its message. Other calls (submits, applies, deletes) are
 * sent exactly once, because the server may have acted before the connection broke. OkHttp's own
 * silent retry is switched off by the caller for the same reason.
 *
 * <p><b>Reading.</b> Unknown fields in answers are ignored (a newer server may add fields); what the
 * records need must be there.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectReader READER = WireJson.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Whether a call may be sent again after a failure. */
    public enum Retry {
        /** Reads and repeatable writes. */
        IDEMPOTENT,
        /** Sent exactly once. */
        NEVER
    }

    /**
     * How failed idempotent calls are retried.
     *
     * @param attempts      tries in all, at least 1
     * @param backoff       the wait between tries when the server gives none
     * @param maxRetryAfter the longest server-requested wait honoured
     */
    public record Retries(int attempts, Backoff backoff, Duration maxRetryAfter) {
        public Retries {
            if (attempts < 1 || attempts > 10) {
                throw new IllegalArgumentException("attempts must be between 1 and 10, was " + attempts);
            }
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        }
    }

    /** Waits between tries; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * An answer: status, media type and body.
     *
     * @param status    HTTP status
     * @param mediaType the body's media type, lower case without parameters, or empty
     * @param body      the body as text
     * @param elapsed   time of the exchange that answered (the last try)
     * @param location  the {@code Location} header, or {@code null}
     */
    public record Answer(int status, String mediaType, String body, Duration elapsed, String location) {
    }

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String authorization;
    private final Retries retries;
    private final ConnectionMonitor monitor;
    private final Sleeper sleeper;
    private final String server;
    private final Duration readTimeout;
    private volatile boolean closed;

    /**
     * @param server what messages call the server: its address without user info or query
     */
    public HttpApi(OkHttpClient http, HttpUrl base, String token, Retries retries, ConnectionMonitor monitor,
                   Sleeper sleeper, String server) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.authorization = "Bearer " + Objects.requireNonNull(token, "token");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.server = Objects.requireNonNull(server, "server");
        this.readTimeout = Duration.ofMillis(http.readTimeoutMillis());
    }

    /** A URL under the base URL, e.g. {@code url("api/v1/jobs")}. */
    public HttpUrl.Builder url(String path) {
        return base.newBuilder().addPathSegments(path);
    }

    /** The server's address as shown in messages. */
    public String server() {
        return server;
    }

    /** The WebSocket upgrade request for {@code path}, authenticated by header (never by query parameter). */
    public Request upgrade(String path) {
        return new Request.Builder().url(url(path).build()).header("Authorization", authorization).build();
    }

    /** Refuses further calls. */
    public void close() {
        closed = true;
    }

    /** A GET, retried, decoded as {@code type}. */
    public <T> T get(HttpUrl url, JavaType type) {
        return decode("GET", url, exchange("GET", url, null, Retry.IDEMPOTENT, Set.of()), type);
    }

    /** A call with a JSON body ({@code null} for none), decoded as {@code type} ({@code null} to ignore the body). */
    public <T> T send(String method, HttpUrl url, Object body, Retry retry, JavaType type) {
        Answer answer = exchange(method, url, body, retry, Set.of());
        return type == null ? null : decode(method, url, answer, type);
    }

    /** Decodes an answer's JSON body. */
    public <T> T decode(String method, HttpUrl url, Answer answer, JavaType type) {
        try {
            return READER.forType(type).readValue(answer.body());
        } catch (IOException | IllegalArgumentException e) {
            throw new PatientGenException(ErrorKind.INTERNAL, "the server at " + server + " answered " + method + " "
                    + url.encodedPath() + " with a body this client cannot read as " + describe(type) + " ("
                    + String.valueOf(e.getMessage()).split("\n")[0] + "); client and server may be different PatientGen"
                    + " versions", List.of(), e);
        }
    }

    /**
     * Sends a call, retrying as its {@code retry} allows, and returns a successful answer: 2xx, or a
     * status in {@code bodyStatuses} whose body is not a problem document (e.g. 503 from
     * {@code /health/ready}, which answers with the health either way).
     *
     * @throws PatientGenException for an error answer or a failed connection
     */
    public Answer exchange(String method, HttpUrl url, Object body, Retry retry, Set<Integer> bodyStatuses) {
        if (closed) {
            throw new PatientGenException(ErrorKind.UNAVAILABLE, "this client of " + server + " was closed; create a"
                    + " new one to talk to the server");
        }
        Request request = request(method, url, body);
        int attempts = retry == Retry.IDEMPOTENT ? retries.attempts() : 1;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            Answer answer;
            Long retryAfter;
            try (Response response = http.newCall(request).execute()) {
                answer = answer(response, start);
                retryAfter = retryAfterSeconds(response.header("Retry-After"));
            } catch (IOException e) {
                ConnectionFailures.Failure failure = ConnectionFailures.describe(e, server, readTimeout);
                // Other pooled connections to the same server are likely dead too (it restarted).
                http.connectionPool().evictAll();
                monitor.lost(failure.message());
                LOG.debug("{} {} failed (try {} of {}): {}", method, url.encodedPath(), attempt, attempts, e.toString());
                if (!failure.retryable() || attempt >= attempts) {
                    String message = failure.message();
                    if (retry == Retry.NEVER && failure.mayHaveBeenSent()) {
                        message += "; the request may have reached the server before the connection failed, so it"
                                + " was not sent again: check its effect (e.g. the job list) before repeating it";
                    }
                    throw new PatientGenException(ErrorKind.UNAVAILABLE, message, e);
                }
                pause(retries.backoff().delay(attempt - 1));
                continue;
            }
            monitor.reached();
            LOG.debug("{} {} -> {} in {} ms", method, url.encodedPath(), answer.status(), answer.elapsed().toMillis());
            if (answer.status() / 100 == 2 || (bodyStatuses.contains(answer.status())
                    && !answer.mediaType().equals(WireJson.PROBLEM_JSON))) {
                return answer;
            }
            PatientGenException error = error(method, url, answer, retryAfter);
            boolean busy = answer.status() == 503 || answer.status() == 429;
            if (!busy || attempt >= attempts) {
                throw error;
            }
            Duration wait = retryAfter != null ? Duration.ofSeconds(retryAfter) : retries.backoff().delay(attempt - 1);
            if (wait.compareTo(retries.maxRetryAfter()) > 0) {
                throw error;
            }
            pause(wait);
        }
    }

    private Request request(String method, HttpUrl url, Object body) {
        RequestBody requestBody = null;
        if (body != null) {
            requestBody = RequestBody.create(WireJson.write(body), JSON);
        } else if (method.equals("POST") || method.equals("PUT")) {
            requestBody = RequestBody.create(new byte[0], null);
        }
        return new Request.Builder().url(url).header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json").method(method, requestBody).build();
    }

    private static Answer answer(Response response, long start) throws IOException {
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        String text = body.string();
        String mediaType = type == null ? "" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
        return new Answer(response.code(), mediaType, text, Duration.ofNanos(System.nanoTime() - start),
                response.header("Location"));
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatientGenException(ErrorKind.UNAVAILABLE, "interrupted while waiting to retry a call to the"
                    + " server at " + server, e);
        }
    }

    /** The exception for an error answer: the server's problem document, or a description of a foreign answer. */
    private PatientGenException error(String method, HttpUrl url, Answer answer, Long retryAfter) {
        if (answer.mediaType().equals(WireJson.PROBLEM_JSON)) {
            try {
                Problem problem = READER.forType(Problem.class).readValue(answer.body());
                Long seconds = problem.retryAfterSeconds() != null ? problem.retryAfterSeconds() : retryAfter;
                String detail = problem.detail();
                if (seconds != null && !detail.contains("retry in " + seconds + " s")) {
                    detail = detail + " (the server asks to retry after " + seconds + " s)";
                }
                return new PatientGenException(problem.kind(), detail, problem.problems(), null);
            } catch (IOException | IllegalArgumentException e) {
                LOG.debug("unreadable problem document from {} {}: {}", method, url.encodedPath(), e.toString());
            }
        }
        int status = answer.status();
        if (status / 100 == 3) {
            return new PatientGenException(ErrorKind.INVALID, "the server at " + server + " redirects " + method + " "
                    + url.encodedPath() + " (HTTP " + status + ")" + (answer.location() == null ? ""
                    : " to " + answer.location()) + ": API calls are not redirected; use the server's own address"
                    + " (e.g. https:// instead of http://)");
        }
        ErrorKind kind = status == 502 || status == 504 ? ErrorKind.UNAVAILABLE : ErrorKind.ofHttpStatus(status);
        return new PatientGenException(kind, "the server at " + server + " answered " + method + " " + url.encodedPath()
                + " with HTTP " + status + " and no problem document" + (retryAfter == null ? ""
                : " (retry after " + retryAfter + " s)") + ": check that the URL points at a PatientGen server (and"
                + " any proxy in between forwards to it)");
    }

    private static String describe(JavaType type) {
        return type.isCollectionLikeType() ? "a list of " + type.getContentType().getRawClass().getSimpleName()
                : type.getRawClass().getSimpleName();
    }

    /** Seconds of a {@code Retry-After} header in its delay-seconds form; {@code null} when absent or a date. */
    static Long retryAfterSeconds(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : seconds;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
