package org.patientgen.console.settings;

import java.net.URI;
import java.util.Objects;

/**
 * A remote server the console remembers. Holds no secret: the server's token lives in the
 * {@link TokenVault}, keyed by {@link #name()}.
 *
 * @param name              the name shown in the server switcher, unique among servers
 * @param url               the server's base URL, {@code http://…} or {@code https://…}
 * @param region            a free label shown beside the name (e.g. {@code eu-west}); may be empty
 * @param pinnedFingerprint SHA-256 fingerprint of the certificate the user trusted (trust on first
 *                          use); empty when the server is trusted through the JVM's authorities or is
 *                          plain HTTP
 */
public record ServerEntry(String name, String url, String region, String pinnedFingerprint) {
    public ServerEntry {
        name = Objects.requireNonNull(name, "name").strip();
        url = Objects.requireNonNull(url, "url").strip();
        region = region == null ? "" : region.strip();
        pinnedFingerprint = pinnedFingerprint == null ? "" : pinnedFingerprint.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a server needs a name");
        }
        if (!validUrl(url)) {
            throw new IllegalArgumentException("'" + url + "' is not a server address; expected e.g."
                    + " https://10.0.0.5:8443");
        }
    }

    /** Whether {@code text} is an {@code http} or {@code https} URL with a host. */
    public static boolean validUrl(String text) {
        try {
            URI uri = URI.create(text.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a certificate was pinned for this server. */
    public boolean pinned() {
        return !pinnedFingerprint.isEmpty();
    }

    public ServerEntry withPinnedFingerprint(String fingerprint) {
        return new ServerEntry(name, url, region, fingerprint);
    }
}
