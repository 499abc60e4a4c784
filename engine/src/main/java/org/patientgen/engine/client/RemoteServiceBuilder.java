package org.patientgen.engine.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.client.internal.Backoff;
import org.patientgen.engine.client.internal.CertificateFingerprint;
import org.patientgen.engine.client.internal.ConnectionMonitor;
import org.patientgen.engine.client.internal.HttpApi;
import org.patientgen.engine.client.internal.PinnedCertificateTrust;

/**
 * Configures a {@link RemoteService}; {@link #build()} checks everything once. Only the base URL and
 * the token are required.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>{@link #token}</td><td>required: the bearer token from {@code patientgen token create}</td></tr>
 *   <tr><td>{@link #connectTimeout}</td><td>10 s</td></tr>
 *   <tr><td>{@link #readTimeout}</td><td>30 s between bytes of an answer</td></tr>
 *   <tr><td>{@link #callTimeout}</td><td>60 s for a whole call (each try), 0 for none</td></tr>
 *   <tr><td>{@link #pinnedCertificate}</td><td>none: the JVM's trusted certificate authorities</td></tr>
 *   <tr><td>{@link #retries}</td><td>3 tries, backoff 250 ms doubling up to 2 s</td></tr>
 *   <tr><td>{@link #maxRetryAfter}</td><td>10 s</td></tr>
 *   <tr><td>{@link #reconnectBackoff}</td><td>500 ms doubling up to 30 s, with jitter</td></tr>
 *   <tr><td>{@link #pingInterval}</td><td>20 s</td></tr>
 *   <tr><td>{@link #eventBuffer}</td><td>1,024 events per subscription</td></tr>
 * </table>
 */
public final class RemoteServiceBuilder {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final String baseUrl;
    private String token;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private String pinned;
    private int attempts = 3;
    private Duration retryInitial = Duration.ofMillis(250);
    private Duration retryCap = Duration.ofSeconds(2);
    private Duration maxRetryAfter = Duration.ofSeconds(10);
    private Duration reconnectInitial = Duration.ofMillis(500);
    private Duration reconnectCap = Duration.ofSeconds(30);
    private Duration pingInterval = Duration.ofSeconds(20);
    private int eventBuffer = 1_024;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    RemoteServiceBuilder(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The bearer token; it is sent only in the {@code Authorization} header and never shown. */
    public RemoteServiceBuilder token(String bearerToken) {
        this.token = bearerToken;
        return this;
    }

    /** Longest wait for a TCP connection (and the TLS handshake). */
    public RemoteServiceBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Longest silence while reading an answer. */
    public RemoteServiceBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    /** Longest time for one try of a call, end to end; {@link Duration#ZERO} for no limit. */
    public RemoteServiceBuilder callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        return this;
    }

    /**
     * Trusts exactly the server certificate with this SHA-256 fingerprint, as printed by
     * {@code patientgen serve --self-signed} ({@code 1C:5B:…}; colons and case do not matter), instead
     * of certificate authorities. Host names are then not checked: the pinned certificate alone
     * identifies the server, however it is reached (see {@code PinnedCertificateTrust}). Needs an
     * {@code https://} URL.
     */
    public RemoteServiceBuilder pinnedCertificate(String sha256Fingerprint) {
        this.pinned = sha256Fingerprint;
        return this;
    }

    /**
     * How reads and repeatable writes are retried on connection failures, 503 and 429: {@code attempts}
     * tries in all (1 = never retry), waiting from {@code initialBackoff} doubling up to
     * {@code maxBackoff} (with jitter) when the server does not say how long.
     */
    public RemoteServiceBuilder retries(int attempts, Duration initialBackoff, Duration maxBackoff) {
        this.attempts = attempts;
        this.retryInitial = initialBackoff;
        this.retryCap = maxBackoff;
        return this;
    }

    /** The longest {@code Retry-After} waited for; a longer one fails the call at once with the hint. */
    public RemoteServiceBuilder maxRetryAfter(Duration wait) {
        this.maxRetryAfter = wait;
        return this;
    }

    /** How event subscriptions reconnect: from {@code initial} doubling up to {@code max}, with jitter. */
    public RemoteServiceBuilder reconnectBackoff(Duration initial, Duration max) {
        this.reconnectInitial = initial;
        this.reconnectCap = max;
        return this;
    }

    /** How often the client pings the event WebSocket, so a silently dead connection is noticed. */
    public RemoteServiceBuilder pingInterval(Duration interval) {
        this.pingInterval = interval;
        return this;
    }

    /** Events that may wait for a slow subscriber before further ones are dropped. */
    public RemoteServiceBuilder eventBuffer(int events) {
        this.eventBuffer = events;
        return this;
    }

    /** The clock of connection status times (tests pass a fixed one). */
    public RemoteServiceBuilder clock(Clock source) {
        this.clock = source;
        return this;
    }

    /** Uniform values in [0, 1) for backoff jitter (tests pass a constant). */
    public RemoteServiceBuilder random(DoubleSupplier source) {
        this.random = source;
        return this;
    }

    /**
     * The client. Nothing is sent yet.
     *
     * @throws PatientGenException {@link ErrorKind#INVALID} naming the option that is wrong
     */
    public RemoteService build() {
        HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
        if (url == null) {
            throw invalid("the server address must be an http:// or https:// URL, e.g. https://127.0.0.1:8443");
        }
        url = url.newBuilder().username("").password("").query(null).fragment(null).build();
        checkToken();
        requireTimeout("connect timeout", connectTimeout, false);
        requireTimeout("read timeout", readTimeout, false);
        requireTimeout("call timeout", callTimeout, true);
        requireTimeout("ping interval", pingInterval, false);
        requireTimeout("longest Retry-After", maxRetryAfter, true);
        if (eventBuffer < 1 || eventBuffer > 1_000_000) {
            throw invalid("the event buffer must hold 1 to 1000000 events, was " + eventBuffer);
        }
        Backoff retryBackoff;
        Backoff reconnect;
        HttpApi.Retries retries;
        try {
            retryBackoff = new Backoff(retryInitial, retryCap, random);
            reconnect = new Backoff(reconnectInitial, reconnectCap, random);
            retries = new HttpApi.Retries(attempts, retryBackoff, maxRetryAfter);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(e.getMessage());
        }
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(callTimeout)
                // Retries are this client's decision (never for submits), not OkHttp's silent one.
                .retryOnConnectionFailure(false)
                // An API call is never redirected; a redirect means a wrong URL (or a proxy), reported as such.
                .followRedirects(false)
                .followSslRedirects(false)
                // Shorter than the server's idle timeout, so a pooled connection is not closed under a call.
                .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS));
        CertificateFingerprint fingerprint = null;
        if (pinned != null) {
            if (!url.isHttps()) {
                throw invalid("a pinned certificate needs an https:// server address, was " + url.scheme() + "://");
            }
            try {
                fingerprint = CertificateFingerprint.parse(pinned);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
            PinnedCertificateTrust trust = new PinnedCertificateTrust(fingerprint);
            http.sslSocketFactory(trust.socketFactory(), trust).hostnameVerifier(trust.hostnameVerifier());
        }
        OkHttpClient client = http.build();
        OkHttpClient events = client.newBuilder().pingInterval(pingInterval).build();
        String server = display(url);
        ScheduledThreadPoolExecutor scheduler = scheduler();
        ConnectionMonitor monitor = new ConnectionMonitor(Objects.requireNonNull(clock, "clock"), scheduler);
        HttpApi api = new HttpApi(client, url, token.strip(), retries, monitor, d -> Thread.sleep(d.toMillis()), server);
        return new RemoteService(URI.create(server), fingerprint == null ? null : fingerprint.toString(), client, events,
                api, monitor, scheduler, reconnect, eventBuffer);
    }

    private void checkToken() {
        if (token == null || token.isBlank()) {
            throw invalid("a token is required: create one with 'patientgen token create --role viewer --name NAME'");
        }
        if (!token.strip().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid("the token contains characters a bearer token cannot have (spaces, line breaks or non-ASCII);"
                    + " copy it again from the last line 'patientgen token create' printed");
        }
    }

    private static void requireTimeout(String name, Duration value, boolean zeroAllowed) {
        if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw invalid("the " + name + " must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", was "
                    + value);
        }
    }

    /** One thread per client: reconnect timers and connection-status notifications, in order. */
    private static ScheduledThreadPoolExecutor scheduler() {
        int n = CLIENTS.incrementAndGet();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "patientgen-client-" + n);
            t.setDaemon(true);
            return t;
        }, new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /** {@code scheme://host:port[/path]}, without user info: how messages name the server. */
    static String display(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        String path = url.encodedPath();
        return url.scheme() + "://" + host + ":" + url.port() + (path.equals("/") ? "" : path.replaceAll("/$", ""));
    }

    private static PatientGenException invalid(String message) {
        return new PatientGenException(ErrorKind.INVALID, message);
    }

    @Override
    public String toString() {
        HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
        return "RemoteServiceBuilder[" + (url == null ? "no valid URL" : display(url)) + ", token="
                + (token == null ? "none" : "***") + "]";
    }
}
