package org.patientgen.console.connection.remote;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.patientgen.engine.client.RemoteService;
import org.patientgen.engine.client.ServerCertificate;
import org.patientgen.engine.client.ServerProbe;

/**
 * What the server editor asks of a server before it is saved: "Test connection" and, for a
 * self-signed server, the certificate to trust. Blocking network calls: background tasks only.
 * An interface so ViewModel tests can answer without a network where a real server is not needed.
 */
public interface ServerChecks {
    /**
     * Calls the server once as {@code token}, trusting only {@code pinnedFingerprint} if not empty.
     *
     * @throws org.patientgen.engine.api.PatientGenException UNAUTHENTICATED for a bad token,
     *         UNAVAILABLE when unreachable or when TLS refused the certificate (the message says why)
     */
    Result test(String url, String token, String pinnedFingerprint);

    /**
     * The certificate the {@code https} server at {@code url} presents, read without trusting it or
     * sending the token.
     */
    PresentedCertificate certificate(String url);

    /**
     * What Test connection found.
     *
     * @param version the server's PatientGen version
     * @param latency round trip, including connecting
     * @param role    what the token may do, e.g. {@code OPERATOR}
     * @param caller  the token's name
     * @param node    the server's node name
     * @param tls     whether it speaks HTTPS
     */
    record Result(String version, Duration latency, String role, String caller, String node, boolean tls) {
        public Result {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * A certificate a server presented.
     *
     * @param fingerprint SHA-256, colon-separated upper-case hex
     * @param subject     e.g. {@code CN=PatientGen self-signed (localhost)}
     * @param issuer      who signed it
     * @param names       the names and addresses it is issued for
     */
    record PresentedCertificate(String fingerprint, String subject, String issuer, List<String> names) {
        public PresentedCertificate {
            Objects.requireNonNull(fingerprint, "fingerprint");
            names = List.copyOf(names);
        }

        /** Whether it signed itself, as {@code serve --self-signed} certificates do. */
        public boolean selfSigned() {
            return Objects.equals(subject, issuer);
        }
    }

    /** The real checks, through the engine's client. */
    static ServerChecks over(RemoteTuning tuning) {
        Objects.requireNonNull(tuning, "tuning");
        return new ServerChecks() {
            @Override
            public Result test(String url, String token, String pinnedFingerprint) {
                try (RemoteService client = RemoteConnection.builder(url, token, pinnedFingerprint, tuning).build()) {
                    ServerProbe p = client.testConnection();
                    return new Result(p.version(), p.latency(), p.role().name(), p.caller(), p.engine().node(), p.tls());
                }
            }

            @Override
            public PresentedCertificate certificate(String url) {
                ServerCertificate c = RemoteService.probeCertificate(url, tuning.connectTimeout());
                return new PresentedCertificate(c.fingerprint(), c.subject(), c.issuer(), c.names());
            }
        };
    }

    /** Whether two fingerprints name the same certificate (colons and case do not matter). */
    static boolean sameFingerprint(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replace(":", "").strip().toUpperCase(java.util.Locale.ROOT);
    }
}
