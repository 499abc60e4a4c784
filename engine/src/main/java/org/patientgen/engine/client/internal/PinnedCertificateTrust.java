package org.patientgen.engine.client.internal;

import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Trusts exactly one server certificate, named by its SHA-256 fingerprint: the trust a console
 * gives a server started with {@code patientgen serve --self-signed}, whose certificate no
 * certificate authority signed.
 *
 * <p><b>Why not OkHttp's {@code CertificatePinner}.</b> It pins <em>public keys</em>
 * ({@code sha256/<base64 of the SubjectPublicKeyInfo>}) and runs only <em>after</em> the platform's
 * trust managers accepted the chain, which they never do for a self-signed certificate. What the
 * server prints, and what a user can compare with {@code openssl x509 -fingerprint -sha256}, is the
 * fingerprint of the whole certificate. So this trust manager replaces the platform's: the
 * handshake succeeds if and only if the server's leaf certificate has the pinned fingerprint.
 * Validity dates and issuers are not checked: the pinned bytes are the identity, and a user who
 * renews the certificate pins the new fingerprint.
 *
 * <p><b>Why host names are not checked.</b> A self-signed certificate names the hosts it was made
 * for ({@code localhost}, {@code 127.0.0.1}, the machine's name, the bind address); a console often
 * reaches the server some other way (a LAN address, a tunnel, a DNS alias). Host-name verification
 * exists to stop a CA-signed certificate for one site being used for another; with an exact
 * certificate pinned, only the holder of that certificate's private key can complete the handshake,
 * whatever name was dialled, so {@link #hostnameVerifier()} accepts any name as long as the
 * session's certificate is the pinned one (checked again there, as a second line of defence).
 *
 * <p>It is a {@link ServerTrustManager}, so JSSE does not wrap it and add its own endpoint
 * identification.
 */
public final class PinnedCertificateTrust extends ServerTrustManager {
    private final CertificateFingerprint pinned;

    public PinnedCertificateTrust(CertificateFingerprint pinned) {
        this.pinned = Objects.requireNonNull(pinned, "pinned");
    }

    /** The fingerprint trusted. */
    public CertificateFingerprint pinned() {
        return pinned;
    }

    /** A TLS socket factory that uses this trust manager. */
    public SSLSocketFactory socketFactory() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot create a TLS context: " + e.getMessage(), e);
        }
    }

    /** Accepts any host name for a session whose server certificate is the pinned one (see the class comment). */
    public HostnameVerifier hostnameVerifier() {
        return (hostname, session) -> {
            try {
                Certificate[] chain = session.getPeerCertificates();
                return chain.length > 0 && pinned.matches(chain[0]);
            } catch (SSLPeerUnverifiedException e) {
                return false;
            }
        };
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        if (!pinned.matches(chain[0])) {
            throw new PinMismatchException(CertificateFingerprint.of(chain[0]), pinned,
                    chain[0].getSubjectX500Principal().getName());
        }
    }

    /** The server presented a certificate other than the pinned one. */
    public static final class PinMismatchException extends CertificateException {
        private static final long serialVersionUID = 1L;
        private final String presented;
        private final String expected;

        PinMismatchException(CertificateFingerprint presented, CertificateFingerprint expected, String subject) {
            super("the server presented a certificate (" + subject + ") with SHA-256 fingerprint " + presented
                    + ", not the pinned " + expected);
            this.presented = presented.toString();
            this.expected = expected.toString();
        }

        /** The fingerprint the server presented. */
        public String presented() {
            return presented;
        }

        /** The pinned fingerprint. */
        public String expected() {
            return expected;
        }
    }
}
