package org.patientgen.engine.client.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate's SHA-256 fingerprint: the digest of its DER encoding, shown as colon-separated
 * upper-case hex ({@code 1C:5B:…}), the form {@code patientgen serve --self-signed}, browsers and
 * {@code openssl x509 -fingerprint -sha256} print.
 */
public final class CertificateFingerprint {
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();
    private static final int BYTES = 32;

    private final byte[] digest;

    private CertificateFingerprint(byte[] digest) {
        this.digest = digest.clone();
    }

    /**
     * Reads a fingerprint as printed by the server; colons, spaces and case do not matter.
     *
     * @throws IllegalArgumentException if it is not 32 bytes of hex
     */
    public static CertificateFingerprint parse(String text) {
        Objects.requireNonNull(text, "fingerprint");
        if (text.strip().startsWith("sha256/")) {
            throw new IllegalArgumentException("'sha256/…' is an OkHttp public-key pin; pin the certificate's SHA-256"
                    + " fingerprint instead, as printed by 'patientgen serve --self-signed' (1C:5B:E6:…:67:77)");
        }
        String hex = text.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{" + (BYTES * 2) + "}")) {
            throw new IllegalArgumentException("a certificate fingerprint is 32 bytes of hex as printed by 'patientgen"
                    + " serve --self-signed', e.g. 1C:5B:E6:…:67:77 (64 hex digits); got " + text.length()
                    + " characters that are not one");
        }
        return new CertificateFingerprint(HexFormat.of().parseHex(hex));
    }

    /** The fingerprint of a certificate. */
    public static CertificateFingerprint of(Certificate certificate) {
        try {
            return new CertificateFingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Whether {@code certificate} has this fingerprint (compared in constant time). */
    public boolean matches(Certificate certificate) {
        return MessageDigest.isEqual(digest, of(certificate).digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint other && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(digest);
    }

    /** Colon-separated upper-case hex. */
    @Override
    public String toString() {
        return COLONS.formatHex(digest);
    }
}
