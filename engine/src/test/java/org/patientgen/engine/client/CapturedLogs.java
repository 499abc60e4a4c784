package org.patientgen.engine.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Every log record of PatientGen's loggers, the client's and the server's, at DEBUG while open, with
 * their exceptions, as text. They are kept from the console meanwhile (DEBUG is noisy).
 */
final class CapturedLogs implements AutoCloseable {
    private final Logger ours;
    private final Level before;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ours = context.getLogger("org.patientgen");
        before = ours.getLevel();
        additive = ours.isAdditive();
        appender.setContext(context);
        appender.start();
        ours.addAppender(appender);
        ours.setAdditive(false);
        ours.setLevel(Level.DEBUG);
    }

    /** All records so far, one per line: level, logger, message and the exception chain's messages. */
    String text() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                + throwable(e.getThrowableProxy())).collect(Collectors.joining("\n"));
    }

    private static String throwable(IThrowableProxy t) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = t; p != null; p = p.getCause()) {
            text.append(" | ").append(p.getClassName()).append(": ").append(p.getMessage());
        }
        return text.toString();
    }

    @Override
    public void close() {
        ours.detachAppender(appender);
        ours.setAdditive(additive);
        ours.setLevel(before);
        appender.stop();
    }
}
