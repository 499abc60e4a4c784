package org.patientgen.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.engine.jobs.ShardWorkers;
import org.patientgen.engine.server.ServerConfig.TlsSettings;
import org.patientgen.engine.server.tls.SelfSignedCertificate;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.EngineConfig;
import org.patientgen.engine.testing.TestDatabases;
import org.patientgen.engine.testing.TestDatabases.Backend;

/** HTTPS with the self-signed certificate: a client that trusts exactly it connects, and it is reused. */
class TlsTest {
    @TempDir
    Path temp;

    @Test
    void servesHttpsWithAPinnableSelfSignedCertificate() throws Exception {
        Path dataDir = temp.resolve("data");
        TlsSettings tls = SelfSignedCertificate.ensure(dataDir, "127.0.0.1", Clock.systemUTC());
        assertThat(SelfSignedCertificate.ensure(dataDir, "127.0.0.1", Clock.systemUTC())).as("reused on restart")
                .isEqualTo(tls);
        String fingerprint = SelfSignedCertificate.fingerprint(tls);
        assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.keystore())))
                    .isEqualTo("rw-------");
        }

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            store.load(in, tls.password().toCharArray());
        }
        Certificate certificate = store.getCertificate(store.aliases().nextElement());
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        X509TrustManager trustManager = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
        OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(), trustManager).build();

        EngineConfig config = EngineConfig.defaults(dataDir).withDatabase(TestDatabases.fresh(Backend.H2))
                .withWorkers(0, ShardWorkers.Settings.defaults());
        try (Engine engine = Engine.start(config);
             PatientGenServer server = PatientGenServer.start(engine, ServerConfig.defaults().withListen("127.0.0.1", 0)
                     .withTls(tls))) {
            assertThat(server.uri().toString()).startsWith("https://127.0.0.1:");
            try (Response r = http.newCall(new Request.Builder().url(server.uri() + "/health/ready").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                X509Certificate presented = (X509Certificate) r.handshake().peerCertificates().get(0);
                String seen = HexFormat.ofDelimiter(":").withUpperCase()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(presented.getEncoded()));
                assertThat(seen).isEqualTo(fingerprint);
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
