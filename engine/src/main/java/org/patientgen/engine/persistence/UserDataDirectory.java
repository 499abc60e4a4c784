package org.patientgen.engine.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where PatientGen keeps its own data (the embedded database, settings) on this machine, following
 * each platform's convention:
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/patientgen}, else {@code ~/.local/share/patientgen}</li>
 *   <li>Windows: {@code %APPDATA%\PatientGen}, else {@code ~\AppData\Roaming\PatientGen}</li>
 *   <li>macOS: {@code ~/Library/Application Support/PatientGen}</li>
 * </ul>
 * The environment variable {@value #OVERRIDE_ENV} or the system property {@value #OVERRIDE_PROPERTY}
 * replaces it (the property wins), e.g. for a portable install or a test.
 */
public final class UserDataDirectory {
    /** Environment variable naming the data directory explicitly. */
    public static final String OVERRIDE_ENV = "PATIENTGEN_DATA_DIR";
    /** System property naming the data directory explicitly. */
    public static final String OVERRIDE_PROPERTY = "patientgen.data.dir";

    private UserDataDirectory() {
    }

    /** The data directory for this process (not created). */
    public static Path resolve() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."),
                System.getProperty(OVERRIDE_PROPERTY));
    }

    /**
     * The data directory for the given platform facts; pure, for tests.
     *
     * @param osName   the {@code os.name} system property
     * @param env      environment variables
     * @param userHome the {@code user.home} system property
     * @param override the {@value #OVERRIDE_PROPERTY} system property, or {@code null}
     */
    public static Path resolve(String osName, Map<String, String> env, String userHome, String override) {
        if (isSet(override)) {
            return Path.of(override);
        }
        if (isSet(env.get(OVERRIDE_ENV))) {
            return Path.of(env.get(OVERRIDE_ENV));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return isSet(appData) ? Path.of(appData, "PatientGen")
                    : Path.of(userHome, "AppData", "Roaming", "PatientGen");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "PatientGen");
        }
        // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_DATA_HOME");
        if (isSet(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "patientgen");
        }
        return Path.of(userHome, ".local", "share", "patientgen");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
