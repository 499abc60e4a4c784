package org.patientgen.engine.api;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which jobs to list, newest first, one page at a time. Empty or {@code null} filters match
 * everything; filters combine with "and".
 *
 * @param states        jobs in any of these states
 * @param labels        jobs carrying every one of these labels with exactly these values
 * @param owner         jobs submitted by this owner
 * @param submittedFrom jobs submitted at or after this instant
 * @param submittedTo   jobs submitted before this instant
 * @param cursor        where the page starts: the {@link JobPage#nextCursor()} of the previous page,
 *                      or {@code null} for the first page
 * @param limit         jobs per page, 1 to {@link #MAX_LIMIT}
 */
public record JobQuery(Set<JobState> states, Map<String, String> labels, String owner, Instant submittedFrom,
                       Instant submittedTo, String cursor, int limit) {
    /** Largest page. */
    public static final int MAX_LIMIT = 500;
    /** Page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;

    public JobQuery {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page size (limit) must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (submittedFrom != null && submittedTo != null && !submittedFrom.isBefore(submittedTo)) {
            throw new IllegalArgumentException("time range is empty: 'from' (" + submittedFrom
                    + ") must be before 'to' (" + submittedTo + ")");
        }
        if (cursor != null) {
            decodeCursor(cursor);
        }
    }

    /** Every job, first page, {@link #DEFAULT_LIMIT} per page. */
    public static JobQuery all() {
        return new JobQuery(Set.of(), Map.of(), null, null, null, null, DEFAULT_LIMIT);
    }

    /** This query restricted to jobs in these states. */
    public JobQuery withStates(Set<JobState> newStates) {
        return new JobQuery(newStates, labels, owner, submittedFrom, submittedTo, cursor, limit);
    }

    /** This query requiring a label. */
    public JobQuery withLabel(String key, String value) {
        Map<String, String> more = new TreeMap<>(labels);
        more.put(key, value);
        return new JobQuery(states, more, owner, submittedFrom, submittedTo, cursor, limit);
    }

    /** This query for one owner's jobs. */
    public JobQuery withOwner(String newOwner) {
        return new JobQuery(states, labels, newOwner, submittedFrom, submittedTo, cursor, limit);
    }

    /** This query for jobs submitted in {@code [from, to)}; either may be {@code null}. */
    public JobQuery withSubmitted(Instant from, Instant to) {
        return new JobQuery(states, labels, owner, from, to, cursor, limit);
    }

    /** This query starting at a page cursor. */
    public JobQuery withCursor(String newCursor) {
        return new JobQuery(states, labels, owner, submittedFrom, submittedTo, newCursor, limit);
    }

    /** This query with another page size. */
    public JobQuery withLimit(int newLimit) {
        return new JobQuery(states, labels, owner, submittedFrom, submittedTo, cursor, newLimit);
    }

    /** The cursor that continues after the job with this id. */
    public static String cursorAfter(long jobId) {
        return "before-" + jobId;
    }

    /**
     * The job id a cursor continues after.
     *
     * @throws IllegalArgumentException if the cursor was not made by {@link #cursorAfter}
     */
    public static long decodeCursor(String cursor) {
        Objects.requireNonNull(cursor, "cursor");
        if (cursor.startsWith("before-")) {
            try {
                long id = Long.parseLong(cursor.substring("before-".length()));
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server issued; pass the"
                + " nextCursor of the previous page unchanged, or none for the first page");
    }
}
