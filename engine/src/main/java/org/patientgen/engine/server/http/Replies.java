package org.patientgen.engine.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import org.patientgen.engine.wire.WireJson;

/** Writes success responses as JSON with the API's mapper. */
public final class Replies {
    private Replies() {
    }

    /** 200 with {@code value}. */
    public static void json(Context ctx, Object value) {
        json(ctx, 200, value);
    }

    /** {@code status} with {@code value}. */
    public static void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(WireJson.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON", e);
        }
    }

    /** 201 with {@code value} and its {@code Location}. */
    public static void created(Context ctx, String location, Object value) {
        ctx.header("Location", location);
        json(ctx, 201, value);
    }

    /** 204 without a body. */
    public static void noContent(Context ctx) {
        ctx.status(204);
    }
}
