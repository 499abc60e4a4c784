package org.patientgen.engine.client.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.client.ServerCertificate;

/**
 * Reads the certificate an HTTPS server presents without trusting it: a TLS handshake whose trust
 * manager records the server's certificate and then <em>refuses</em> it, so the handshake never
 * completes, no request (and no token) is ever sent, and nothing is trusted on the way. The user
 * compares the fingerprint with what the server printed and, if it matches, pins it.
 */
public final class CertificateProbe {
    private CertificateProbe() {
    }

    /**
     * The certificate of the server at {@code url} ({@code https://host[:port]}).
     *
     * @throws PatientGenException {@link ErrorKind#INVALID} for a URL that is not https,
     *                             {@link ErrorKind#UNAVAILABLE} if no certificate could be read
     */
    public static ServerCertificate probe(URI url, Duration timeout) {
        if (url == null || url.getScheme() == null || !url.getScheme().equalsIgnoreCase("https") || url.getHost() == null) {
            throw new PatientGenException(ErrorKind.INVALID, "a certificate can only be read from an https:// URL with a"
                    + " host, e.g. https://127.0.0.1:8443; was " + (url == null ? "none" : redact(url)));
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        int port = url.getPort() == -1 ? 443 : url.getPort();
        String server = "https://" + url.getHost() + ":" + port;
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), millis);
            plain.setSoTimeout(millis);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Recorder(seen)}, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, false)) {
                tls.startHandshake();
            } catch (SSLException e) {
                if (seen.get() == null) {
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new PatientGenException(ErrorKind.UNAVAILABLE, ConnectionFailures.describe(e, server, timeout).message(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot create a TLS context: " + e.getMessage(), e);
        }
        X509Certificate certificate = seen.get();
        if (certificate == null) {
            throw new PatientGenException(ErrorKind.UNAVAILABLE, "the server at " + server + " completed a TLS handshake"
                    + " without presenting a certificate");
        }
        return new ServerCertificate(URI.create(server), CertificateFingerprint.of(certificate).toString(),
                certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), names(certificate));
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.size() > 1 && entry.get(1) instanceof String name) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no readable names: the fingerprint and subject still identify the certificate
        }
        return names;
    }

    private static String redact(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    /** Records the server's certificate and refuses it, ending the handshake. */
    private static final class Recorder extends ServerTrustManager {
        private final AtomicReference<X509Certificate> seen;

        Recorder(AtomicReference<X509Certificate> seen) {
            this.seen = seen;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain != null && chain.length > 0) {
                seen.set(chain[0]);
            }
            throw new CertificateException("certificate probe: read, not trusted");
        }
    }
}
