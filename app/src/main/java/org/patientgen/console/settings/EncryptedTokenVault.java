package org.patientgen.console.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens encrypted with AES-256-GCM under a random key made once per installation.
 *
 * <p>Two files in the user's data directory: {@value #KEY_FILE} (the 32-byte key, base64) and
 * {@value #TOKENS_FILE} (per server name, a fresh 12-byte IV followed by the ciphertext and
 * 128-bit tag, base64). Both are created owner-only (POSIX {@code rw-------} where the file system
 * supports it, else readable and writable by the owner only through {@link java.io.File}). The
 * server name is the GCM associated data, so a token copied under another server's name does not
 * decrypt.
 *
 * <p><b>Why this and not a PKCS12 {@link java.security.KeyStore}:</b> a keystore file needs a
 * password to open, and a console that starts without asking for one must keep that password in a
 * file next to it — the same owner-only key file, with a keystore format around the secret. The
 * key file keeps the one real protection visible (file permissions plus encryption, so tokens never
 * appear in settings, backups of {@code console.json}, logs or screenshots of a file) and uses only
 * the JDK's standard AES-GCM. What it does not do: protect against another program running as the
 * same user, which can read the key as the console does (an OS keychain would be the next step).
 *
 * <p>Thread-safe (methods synchronized on this). A token file written by another installation (a
 * different key) or damaged reads as no token, logged without the token.
 */
public final class EncryptedTokenVault implements TokenVault {
    /** The key's file name in the data directory. */
    public static final String KEY_FILE = "console-secret.key";
    /** The encrypted tokens' file name in the data directory. */
    public static final String TOKENS_FILE = "console-tokens.json";
    private static final Logger LOG = LoggerFactory.getLogger(EncryptedTokenVault.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private final Path tokensFile;
    private final SecureRandom random;
    /** Loaded on first use. */
    private SecretKeySpec key;

    public EncryptedTokenVault(Path dataDirectory) {
        this(dataDirectory, new SecureRandom());
    }

    EncryptedTokenVault(Path dataDirectory, SecureRandom random) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.keyFile = dataDirectory.resolve(KEY_FILE);
        this.tokensFile = dataDirectory.resolve(TOKENS_FILE);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** What the tokens file holds. */
    record TokensFile(int version, Map<String, String> tokens) {
    }

    @Override
    public synchronized Optional<String> token(String server) {
        String sealed = read().get(server);
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(server.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("the stored token of server '{}' cannot be decrypted ({}); enter it again", server,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void store(String server, String token) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(server.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] all = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            Map<String, String> tokens = new LinkedHashMap<>(read());
            tokens.put(server, Base64.getEncoder().encodeToString(all));
            write(tokens);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    @Override
    public synchronized void remove(String server) {
        Map<String, String> tokens = new LinkedHashMap<>(read());
        if (tokens.remove(server) != null) {
            write(tokens);
        }
    }

    private Map<String, String> read() {
        if (!Files.isRegularFile(tokensFile)) {
            return Map.of();
        }
        try {
            TokensFile file = JSON.readValue(tokensFile.toFile(), TokensFile.class);
            return file == null || file.tokens() == null ? Map.of() : file.tokens();
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable token file {}: {}", tokensFile, e.getClass().getSimpleName());
            return Map.of();
        }
    }

    private void write(Map<String, String> tokens) {
        try {
            AtomicFiles.write(tokensFile, JSON.writeValueAsBytes(new TokensFile(1, tokens)));
            ownerOnly(tokensFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the server's token to " + tokensFile, e);
        }
    }

    private SecretKeySpec key() {
        if (key != null) {
            return key;
        }
        try {
            if (!Files.isRegularFile(keyFile)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                create(keyFile, Base64.getEncoder().encode(fresh));
            }
            byte[] bytes = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            if (bytes.length != 32) {
                throw new IllegalStateException("the console's key file " + keyFile + " is damaged; delete it and"
                        + " enter the servers' tokens again");
            }
            key = new SecretKeySpec(bytes, "AES");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the console's key file " + keyFile, e);
        }
    }

    /** Creates {@code file} owner-only from the start, so the key is never readable by others, even briefly. */
    private static void create(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                ownerOnly(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another console made it first: use theirs
        }
        Files.write(file, content);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            java.io.File f = file.toFile();
            boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!ok) {
                LOG.warn("could not make {} readable by its owner only", file);
            }
        }
    }
}
