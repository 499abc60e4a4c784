package org.patientgen.engine.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.LogQuery;
import org.patientgen.engine.api.LogRecorded;
import org.slf4j.LoggerFactory;

/**
 * The engine's recent log records, for {@link org.patientgen.engine.api.PatientGenService#logs}
 * (a job's log in the console, {@code /api/v1/logs}) and the {@code logs} event topic: a Logback
 * appender on the root logger that keeps the last {@code capacity} records in a ring buffer and
 * publishes each one to the engine's {@link EventHub} while anyone listens.
 *
 * <p>It hears the whole JVM: where several engines share a process (tests, benchmarks), each one's
 * buffer holds the others' records too, and job ids, which are per database, can then collide.
 *
 * <p>A record's job id comes from the MDC key {@code jobId} when set, else from a "job N" in its
 * message. Publishing never logs through this appender again (a thread-local guard), so a warning
 * from the event hub cannot loop back into it.
 */
public final class RecentLogs extends AppenderBase<ILoggingEvent> {
    private static final Pattern JOB = Pattern.compile("\\bjob (\\d{1,18})\\b");
    private static final ThreadLocal<Boolean> PUBLISHING = ThreadLocal.withInitial(() -> false);

    /** Records an engine keeps. */
    public static final int DEFAULT_CAPACITY = 2_000;

    private final int capacity;
    /** Guarded by itself. */
    private final Deque<LogRecorded> ring = new ArrayDeque<>();
    private long sequence;
    private volatile EventHub hub;

    public RecentLogs(int capacity) {
        this.capacity = capacity;
        setName("patientgen-recent-logs");
    }

    /** Attaches a new buffer to Logback's root logger and starts it. */
    public static RecentLogs install(int capacity) {
        RecentLogs appender = new RecentLogs(capacity);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            appender.setContext(context);
            appender.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        }
        return appender;
    }

    /** Detaches this buffer from Logback. */
    public void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(this);
        }
        hub = null;
        stop();
    }

    /** Publishes records to {@code events} from now on. */
    public void publishTo(EventHub events) {
        this.hub = events;
    }

    @Override
    protected void append(ILoggingEvent e) {
        if (PUBLISHING.get()) {
            return;
        }
        Instant at = Instant.ofEpochMilli(e.getTimeStamp());
        String message = message(e);
        LogRecorded record;
        synchronized (ring) {
            record = new LogRecorded(++sequence, at, e.getLevel().toString(), e.getLoggerName(), e.getThreadName(),
                    message, jobId(e, message));
            ring.addLast(record);
            while (ring.size() > capacity) {
                ring.removeFirst();
            }
        }
        EventHub events = hub;
        if (events != null && events.wanted(EventTopic.LOGS)) {
            PUBLISHING.set(true);
            try {
                events.publish(seq -> new LogRecorded(seq, record.at(), record.level(), record.logger(),
                        record.thread(), record.message(), record.jobId()));
            } finally {
                PUBLISHING.set(false);
            }
        }
    }

    private static String message(ILoggingEvent e) {
        String message = e.getFormattedMessage();
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) {
            message = message + " (" + t.getClassName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + ")";
        }
        return message;
    }

    private static Long jobId(ILoggingEvent e, String message) {
        Map<String, String> mdc = e.getMDCPropertyMap();
        String fromMdc = mdc == null ? null : mdc.get("jobId");
        try {
            if (fromMdc != null) {
                return Long.parseLong(fromMdc);
            }
            Matcher m = JOB.matcher(message);
            return m.find() ? Long.parseLong(m.group(1)) : null;
        } catch (NumberFormatException ignored) {
            return null;
        }
    }

    /** Newest first while matching, then reversed: the filters of a {@link LogQuery}, each optional. */
    private List<LogRecorded> query(Level minLevel, String logger, Long jobId, String text, int limit) {
        String needle = text == null ? null : text.toLowerCase(Locale.ROOT);
        List<LogRecorded> matches = new ArrayList<>();
        List<LogRecorded> snapshot;
        synchronized (ring) {
            snapshot = new ArrayList<>(ring);
        }
        for (int i = snapshot.size() - 1; i >= 0 && matches.size() < limit; i--) {
            LogRecorded r = snapshot.get(i);
            if ((minLevel == null || Level.toLevel(r.level()).isGreaterOrEqual(minLevel))
                    && (logger == null || r.logger().startsWith(logger))
                    && (jobId == null || jobId.equals(r.jobId()))
                    && (needle == null || r.message().toLowerCase(Locale.ROOT).contains(needle))) {
                matches.add(r);
            }
        }
        Collections.reverse(matches);
        return matches;
    }

    /** The most recent records {@code query} selects, oldest first. */
    public List<LogRecorded> query(LogQuery query) {
        return query(query.level() == null ? null : Level.toLevel(query.level()), query.logger(), query.jobId(),
                query.text(), query.limit());
    }
}
