package org.patientgen.engine.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The certificate a server presented, read without trusting it: what a console shows the user
 * before pinning it ("trust on first use"). Compare {@link #fingerprint()} with the line
 * {@code certificate sha256 fingerprint …} that {@code patientgen serve --self-signed} printed.
 *
 * @param server      the address probed
 * @param fingerprint SHA-256 of the certificate, colon-separated upper-case hex, as the server prints it
 * @param subject     the certificate's subject, e.g. {@code CN=PatientGen self-signed (localhost)}
 * @param issuer      who signed it (the subject again for a self-signed certificate)
 * @param notBefore   start of validity
 * @param notAfter    end of validity
 * @param names       the DNS names and IP addresses it is issued for
 */
public record ServerCertificate(URI server, String fingerprint, String subject, String issuer, Instant notBefore,
                                Instant notAfter, List<String> names) {
    public ServerCertificate {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        names = List.copyOf(names);
    }

    /** Whether it signed itself (as {@code --self-signed} certificates do). */
    public boolean selfSigned() {
        return subject.equals(issuer);
    }
}
