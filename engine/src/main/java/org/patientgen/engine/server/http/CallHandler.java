package org.patientgen.engine.server.http;

import io.javalin.http.Context;
import org.patientgen.engine.server.auth.Caller;

/** A route's work, given the authenticated caller ({@code null} on public routes). */
@FunctionalInterface
public interface CallHandler {
    void handle(Context ctx, Caller caller) throws Exception;
}
