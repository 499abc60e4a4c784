package org.patientgen.engine.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.stream.Collectors;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.InvalidSettingsException;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.wire.Problem;

/**
 * Reads request bodies as JSON: only JSON content types, at most the configured size, strictly
 * (see {@link org.patientgen.engine.wire.WireJson}), and with messages that say which field is
 * wrong and why rather than Jackson's internals. The size limit follows the running configuration
 * ({@link #setMaxBytes}).
 */
public final class JsonBodies {
    private final ObjectMapper mapper;
    private volatile long maxBytes;

    public JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        setMaxBytes(maxBytes);
    }

    /** The largest body accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Changes the largest body accepted, from the next request on. */
    public void setMaxBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte, was " + bytes);
        }
        this.maxBytes = bytes;
    }

    /**
     * The body as {@code type}.
     *
     * @param example a minimal valid body, quoted in the message when the body is empty
     * @throws PatientGenException {@link ErrorKind#INVALID} naming the problem; {@link HttpProblem} for
     *                             a body too large (413) or not JSON (415)
     */
    public <T> T required(Context ctx, Class<T> type, String example) {
        T value = optional(ctx, type);
        if (value == null) {
            throw new PatientGenException(ErrorKind.INVALID, "the request needs a JSON body, e.g. " + example);
        }
        return value;
    }

    /** The body as {@code type}, or {@code null} when there is none. */
    public <T> T optional(Context ctx, Class<T> type) {
        byte[] body = read(ctx);
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        checkContentType(ctx);
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw describe(e, type);
        }
    }

    private void checkContentType(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null) {
            return;
        }
        String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !mime.endsWith("+json")) {
            throw new HttpProblem(Problem.http(Problem.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", 415,
                    ErrorKind.INVALID, "request bodies must be JSON, sent with 'Content-Type: application/json' (was '"
                            + contentType + "'); with curl add -H 'Content-Type: application/json'", ctx.path()));
        }
    }

    private byte[] read(Context ctx) {
        long limit = maxBytes;
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(ctx, declared + " bytes", limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(ctx, "more than " + limit + " bytes", limit);
            }
            return body;
        } catch (IOException e) {
            throw new PatientGenException(ErrorKind.INVALID, "the request body could not be read: " + e.getMessage(), e);
        }
    }

    private static HttpProblem tooLarge(Context ctx, String size, long limit) {
        return new HttpProblem(Problem.http(Problem.PAYLOAD_TOO_LARGE, "Payload too large", 413, ErrorKind.INVALID,
                "the request body (" + size + ") is larger than this server accepts (" + limit
                        + " bytes); split a batch into smaller ones", ctx.path()));
    }

    /** A user-facing explanation of why JSON could not be read as {@code type}. */
    static PatientGenException describe(IOException e, Class<?> type) {
        return new PatientGenException(ErrorKind.INVALID, message(e, type), problems(e), null);
    }

    private static java.util.List<org.patientgen.engine.api.SettingsProblem> problems(IOException e) {
        return e.getCause() instanceof InvalidSettingsException s ? s.problems() : java.util.List.of();
    }

    private static String message(IOException e, Class<?> type) {
        String where = e instanceof JsonMappingException m ? path(m) : "";
        String at = where.isEmpty() ? "" : "field '" + where + "': ";
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
            return "unknown field '" + where + "'" + (known.isEmpty() ? "" : "; known fields here: " + known);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            Throwable cause = v.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null) {
                return (where.isEmpty() ? "" : "in '" + where + "': ") + "field '" + cause.getMessage() + "' is required";
            }
            return at + cause.getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return at + "value " + quote(f.getValue()) + " is not a valid " + typeName(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            if (where.isEmpty()) {
                return "the body must be a JSON object, e.g. {\"population\": 100}";
            }
            return at + "expected " + typeName(m.getTargetType()) + " (" + m.getOriginalMessage().split("\n")[0] + ")";
        }
        if (e instanceof StreamConstraintsException c) {
            return "the body exceeds a JSON size limit: " + c.getOriginalMessage();
        }
        if (e instanceof JsonParseException p) {
            return "the body is not valid JSON: " + p.getOriginalMessage().split("\n")[0] + " (line "
                    + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")";
        }
        if (e instanceof JsonProcessingException p) {
            return at + p.getOriginalMessage().split("\n")[0];
        }
        return "the body could not be read as " + type.getSimpleName() + ": " + e.getMessage();
    }

    /** {@code template.population}, {@code jobs[2].state}. */
    private static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String quote(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value (one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return type.getSimpleName() + " (ISO-8601, e.g. " + (type == java.time.LocalDate.class ? "2026-11-03)"
                    : "2026-11-03T14:25:30Z)");
        }
        if (type == java.time.ZoneId.class) {
            return "time zone (an IANA name such as Europe/Berlin, or UTC)";
        }
        if (type == java.time.Duration.class) {
            return "duration (ISO-8601, e.g. PT10S)";
        }
        return type.isRecord() || java.util.Map.class.isAssignableFrom(type) ? "JSON object" : type.getSimpleName();
    }
}
