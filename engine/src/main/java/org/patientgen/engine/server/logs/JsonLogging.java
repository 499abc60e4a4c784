package org.patientgen.engine.server.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Switches Logback to the server's structured configuration ({@code logback-server.xml}: JSON lines
 * on stderr, INFO for PatientGen). Called by {@code patientgen serve} before anything else logs;
 * other commands keep the plain configuration.
 */
public final class JsonLogging {
    /** The configuration resource. */
    public static final String RESOURCE = "/logback-server.xml";

    private JsonLogging() {
    }

    /** Replaces the current Logback configuration with the server's. */
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL config = JsonLogging.class.getResource(RESOURCE);
        if (config == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the application");
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
