package org.patientgen.engine.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.patientgen.engine.server.ServerConfig.TlsSettings;

/**
 * A self-signed certificate for first-time HTTPS set-up, kept in the data directory
 * ({@code tls/self-signed.p12}, password in {@code tls/self-signed.password}, both readable by the
 * owner only) and reused on later starts, so a client that pinned its fingerprint keeps trusting
 * the server. Delete both files to get a new one.
 *
 * <p>The key is EC P-256, signed with SHA-256; the certificate is valid for 825 days for
 * {@code localhost}, {@code 127.0.0.1}, {@code ::1}, this host's name and the bind address. It is
 * made with BouncyCastle's certificate builder (the JDK has no public API for it); the key and the
 * signature use the JDK's own providers.
 */
public final class SelfSignedCertificate {
    /** Where in the data directory the keystore and its password live. */
    public static final String DIRECTORY = "tls";
    private static final String KEYSTORE = "self-signed.p12";
    private static final String PASSWORD = "self-signed.password";
    private static final String ALIAS = "patientgen";
    private static final Duration VALIDITY = Duration.ofDays(825);

    private SelfSignedCertificate() {
    }

    /**
     * The data directory's self-signed keystore, created first if missing.
     *
     * @param bindAddress the address the server listens on (added to the certificate's names)
     */
    public static TlsSettings ensure(Path dataDirectory, String bindAddress, Clock clock)
            throws IOException, GeneralSecurityException {
        Path dir = dataDirectory.resolve(DIRECTORY);
        Path keystore = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD);
        if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile)) {
            return new TlsSettings(keystore, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
        }
        Files.createDirectories(dir);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        KeyStore store = create(names(bindAddress), password.toCharArray(), clock.instant());
        writePrivate(passwordFile, out -> out.write(password.getBytes(StandardCharsets.UTF_8)));
        writePrivate(keystore, out -> {
            try {
                store.store(out, password.toCharArray());
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write the keystore: " + e.getMessage(), e);
            }
        });
        return new TlsSettings(keystore, password);
    }

    /** A keystore holding a new key and a self-signed certificate for {@code names} (DNS names or IPs). */
    static KeyStore create(List<String> names, char[] password, Instant now) throws GeneralSecurityException,
            IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=PatientGen self-signed (" + names.get(0) + ")");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(new GeneralName(isIp(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(alternatives.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        ContentSigner signer;
        try {
            signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate: " + e.getMessage(), e);
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {certificate});
        return store;
    }

    /**
     * The SHA-256 fingerprint of the keystore's first certificate, as colon-separated upper-case hex
     * ({@code AB:CD:…}), the form browsers and {@code openssl x509 -fingerprint -sha256} show.
     */
    public static String fingerprint(TlsSettings tls) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            store.load(in, tls.password().toCharArray());
        }
        for (String alias : java.util.Collections.list(store.aliases())) {
            Certificate certificate = store.getCertificate(alias);
            if (certificate != null) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
                return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
            }
        }
        throw new GeneralSecurityException("keystore " + tls.keystore() + " holds no certificate");
    }

    private static List<String> names(String bindAddress) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // no resolvable host name: localhost and the bind address still work
        }
        if (!bindAddress.isBlank() && !bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            names.add(bindAddress);
        }
        return List.copyOf(names);
    }

    private static boolean isIp(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    /** Writes a file readable by its owner only (where the file system has POSIX permissions). */
    private static void writePrivate(Path file, Writer writer) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(out);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
