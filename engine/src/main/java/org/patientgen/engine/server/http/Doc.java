package org.patientgen.engine.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a route does, for the OpenAPI document: a summary, its query parameters, its body and its
 * answer. Path parameters ({@code {id}}) are documented from the path itself. Immutable; each
 * {@code with…} method returns a copy.
 *
 * @param tag         the API family, e.g. {@code Jobs}
 * @param summary     one line
 * @param query       query parameters
 * @param body        the request body's type, or {@code null}
 * @param bodyOptional whether the body may be left out
 * @param status      the success status
 * @param response    the success body's type ({@code null} for none)
 * @param list        whether the success body is a JSON array of {@code response}
 * @param mediaType   the success body's media type
 */
public record Doc(String tag, String summary, List<Query> query, Class<?> body, boolean bodyOptional, int status,
                  Class<?> response, boolean list, String mediaType) {
    public Doc {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(summary, "summary");
        query = List.copyOf(query);
    }

    /**
     * A query parameter.
     *
     * @param name        its name
     * @param type        {@code string}, {@code integer}, {@code boolean}, {@code date-time} or
     *                    {@code duration} (ISO-8601)
     * @param description what it does
     * @param repeated    whether it may be given several times (or comma-separated)
     */
    public record Query(String name, String type, String description, boolean repeated) {
    }

    /** A route answering 200 with nothing documented yet. */
    public static Doc of(String tag, String summary) {
        return new Doc(tag, summary, List.of(), null, false, 200, null, false, "application/json");
    }

    public Doc query(String name, String type, String description) {
        return withQuery(new Query(name, type, description, false));
    }

    public Doc repeatedQuery(String name, String description) {
        return withQuery(new Query(name, "string", description, true));
    }

    private Doc withQuery(Query q) {
        List<Query> more = new ArrayList<>(query);
        more.add(q);
        return new Doc(tag, summary, more, body, bodyOptional, status, response, list, mediaType);
    }

    public Doc body(Class<?> type) {
        return new Doc(tag, summary, query, type, false, status, response, list, mediaType);
    }

    public Doc optionalBody(Class<?> type) {
        return new Doc(tag, summary, query, type, true, status, response, list, mediaType);
    }

    public Doc returns(Class<?> type) {
        return returns(200, type);
    }

    public Doc returns(int code, Class<?> type) {
        return new Doc(tag, summary, query, body, bodyOptional, code, type, false, "application/json");
    }

    public Doc returnsList(Class<?> type) {
        return new Doc(tag, summary, query, body, bodyOptional, 200, type, true, "application/json");
    }

    /** A body that is not one of our records (text, a manifest file), of this media type. */
    public Doc returnsText(String media) {
        return new Doc(tag, summary, query, body, bodyOptional, 200, String.class, false, media);
    }

    public Doc noContent() {
        return new Doc(tag, summary, query, body, bodyOptional, 204, null, false, "application/json");
    }
}
