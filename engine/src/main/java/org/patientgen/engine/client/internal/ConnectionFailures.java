package org.patientgen.engine.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.patientgen.engine.client.internal.PinnedCertificateTrust.PinMismatchException;

/**
 * Turns a failed connection into a message that names the server and what to check, and says
 * whether trying again could help. Messages never hold the token: they are built from the server's
 * address (without any user info) and the exception's type and text, which OkHttp and the JDK fill
 * with addresses, not headers.
 */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    /**
     * What went wrong.
     *
     * @param message   for the user: the server, what happened and what to check
     * @param retryable whether the same request might succeed later (TLS failures never do)
     * @param tls       whether the server was reached but the TLS handshake refused
     * @param mayHaveBeenSent whether the request may have reached the server: not when no connection
     *                  was made (refused, unknown host, TLS refused), possibly when one broke or timed out
     */
    public record Failure(String message, boolean retryable, boolean tls, boolean mayHaveBeenSent) {
    }

    /**
     * Describes {@code e}, a failure talking to {@code server}.
     *
     * @param server      the server's address as shown to users
     * @param readTimeout the client's read timeout, for the timeout message ({@link Duration#ZERO} to leave it out)
     */
    public static Failure describe(IOException e, String server, Duration readTimeout) {
        PinMismatchException mismatch = cause(e, PinMismatchException.class);
        if (mismatch != null) {
            return new Failure("the server at " + server + " is not the pinned one: it presented a certificate with"
                    + " SHA-256 fingerprint " + mismatch.presented() + ", not the pinned " + mismatch.expected()
                    + ". If its certificate was replaced on purpose (its data directory's tls/ files were deleted),"
                    + " pin the new fingerprint it printed at start; otherwise someone may be intercepting the"
                    + " connection", false, true, false);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new Failure("the certificate of the server at " + server + " is not valid for the host name used ("
                    + firstLine(e) + "): connect with a name the certificate lists, or pin its fingerprint", false,
                    true, false);
        }
        if (cause(e, CertPathValidatorException.class) != null || String.valueOf(e.getMessage()).contains("PKIX")) {
            return new Failure("the server at " + server + " presented a certificate this client does not trust ("
                    + firstLine(e) + "): for a server started with --self-signed, pin the fingerprint it printed"
                    + " (RemoteService.builder(url).pinnedCertificate(\"1C:5B:…\")); RemoteService.probeCertificate(url)"
                    + " shows it", false, true, false);
        }
        if (e instanceof SSLException) {
            return new Failure("TLS with the server at " + server + " failed (" + firstLine(e) + "): check that the URL's"
                    + " scheme matches the server (https:// for a server with TLS, http:// without)", false, true,
                    false);
        }
        if (e instanceof UnknownHostException) {
            return new Failure("cannot find the host of the PatientGen server at " + server + " (" + firstLine(e)
                    + "): check the server address", true, false, false);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new Failure("cannot reach the PatientGen server at " + server + " (" + firstLine(e) + "): check that"
                    + " it is running ('patientgen serve'), its host and port, and any firewall in between", true,
                    false, false);
        }
        if (e instanceof InterruptedIOException) {
            String limit = readTimeout.isZero() ? "" : ", read timeout " + readTimeout.toMillis() / 1000.0 + " s";
            return new Failure("the PatientGen server at " + server + " did not answer in time (" + firstLine(e) + limit
                    + "): it may be overloaded or stopped; try again, or raise the client's timeouts", true, false, true);
        }
        return new Failure("the connection to the PatientGen server at " + server + " failed (" + firstLine(e)
                + "): check that it is running and reachable", true, false, true);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m.split("\n")[0];
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
