package org.patientgen.engine.server.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;

/** Path and query parameters, checked, with messages that name the parameter and the rule. */
public final class Params {
    private Params() {
    }

    /** A positive id from the path. */
    public static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("path parameter '" + name + "' must be a positive whole number, was '" + raw + "'");
    }

    /** An integer query parameter in {@code [min, max]}, or {@code fallback} when absent. */
    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("query parameter '" + name + "' must be a whole number from " + min + " to " + max + ", was '"
                + raw + "'");
    }

    /** An ISO-8601 instant query parameter, or {@code null} when absent. */
    public static Instant instantQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw invalid("query parameter '" + name + "' must be an ISO-8601 instant such as 2026-11-03T14:00:00Z,"
                    + " was '" + raw + "'");
        }
    }

    /** An ISO-8601 duration query parameter ({@code PT5M}), or {@code fallback} when absent. */
    public static Duration durationQuery(Context ctx, String name, Duration fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw invalid("query parameter '" + name + "' must be an ISO-8601 duration such as PT5M or PT30S, was '"
                    + raw + "'");
        }
    }

    /** A text query parameter, or {@code null} when absent or blank. */
    public static String textQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** Every value of a repeated or comma-separated query parameter. */
    public static List<String> listQuery(Context ctx, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : ctx.queryParams(name)) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    /** An {@link ErrorKind#INVALID} failure with this message. */
    public static PatientGenException invalid(String message) {
        return new PatientGenException(ErrorKind.INVALID, message);
    }
}
