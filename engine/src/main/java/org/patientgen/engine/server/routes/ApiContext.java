package org.patientgen.engine.server.routes;

import java.sql.SQLException;
import java.time.Instant;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;
import org.patientgen.engine.api.PatientGenService;
import org.patientgen.engine.graphql.GraphQlApi;
import org.patientgen.engine.server.AuditTrail;
import org.patientgen.engine.server.JobRequests;
import org.patientgen.engine.server.ServerConfig;
import org.patientgen.engine.server.auth.Authenticator;
import org.patientgen.engine.server.auth.Caller;
import org.patientgen.engine.server.auth.TokenStore;
import org.patientgen.engine.server.http.JsonBodies;
import org.patientgen.engine.server.metrics.HttpMeters;
import org.patientgen.engine.service.Engine;
import org.patientgen.engine.service.RecentLogs;

/**
 * What the route families share: the engine and the server's components.
 *
 * @param engine        the engine served
 * @param config        the server's configuration
 * @param bodies        request body reader
 * @param jobRequests   job request defaults
 * @param tokens        API tokens
 * @param authenticator token checks (and its cache)
 * @param http          the HTTP server's meters
 * @param graphQl       the GraphQL API (v2)
 * @param logs          recent log records
 * @param audit         the audit log
 * @param startedAt     when the server started
 */
public record ApiContext(Engine engine, ServerConfig config, JsonBodies bodies, JobRequests jobRequests,
                         TokenStore tokens, Authenticator authenticator, HttpMeters http, GraphQlApi graphQl,
                         RecentLogs logs, AuditTrail audit, Instant startedAt) {

    /** The engine's service acting for {@code caller} (its name is the actor in the audit log). */
    PatientGenService service(Caller caller) {
        return engine.as(caller.name());
    }

    /** Audits a change the stores do not audit themselves. */
    void audit(Caller caller, String action, String targetType, String targetId, String details) {
        try {
            audit.record(caller.name(), action, targetType, targetId, details);
        } catch (SQLException e) {
            throw new PatientGenException(ErrorKind.UNAVAILABLE, "the change was made but could not be written to the"
                    + " audit log: the database is unavailable", e);
        }
    }

    /** Runs a store call, translating database failures. */
    static <T> T store(StoreCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new PatientGenException(ErrorKind.UNAVAILABLE, "the server's database is unavailable ("
                    + e.getSQLState() + "); try again shortly", e);
        } catch (java.util.NoSuchElementException e) {
            throw new PatientGenException(ErrorKind.NOT_FOUND, e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new PatientGenException(ErrorKind.CONFLICT, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PatientGenException(ErrorKind.INVALID, e.getMessage(), e);
        }
    }

    /** A call into a server-side store. */
    @FunctionalInterface
    interface StoreCall<T> {
        T run() throws SQLException;
    }
}
