package org.patientgen.engine.service;

import java.io.IOException;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.InvalidSettingsException;
import org.patientgen.engine.api.PatientGenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a store call and turns what it throws into a {@link PatientGenException} of the right
 * {@link ErrorKind}: the one place where the engine's exceptions meet the service contract.
 */
final class ServiceCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceCalls.class);

    /** A call into the stores. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws SQLException, IOException;
    }

    /** A call without a result. */
    @FunctionalInterface
    interface VoidCall {
        void run() throws SQLException, IOException;
    }

    private ServiceCalls() {
    }

    static void run(VoidCall call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (PatientGenException e) {
            throw e;
        } catch (InvalidSettingsException e) {
            throw new PatientGenException(ErrorKind.INVALID, e.getMessage(), e.problems(), e);
        } catch (NoSuchElementException e) {
            throw new PatientGenException(ErrorKind.NOT_FOUND, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PatientGenException(ErrorKind.INVALID, e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new PatientGenException(ErrorKind.CONFLICT, e.getMessage(), e);
        } catch (SQLException e) {
            throw translate(e);
        } catch (IOException e) {
            LOG.error("I/O failure in a service call", e);
            throw new PatientGenException(ErrorKind.INTERNAL, "the engine could not read or write its files: "
                    + e.getMessage(), e);
        }
    }

    /** SQLSTATE class 08 (connection) and timeouts mean "try again later"; 23 (constraint) a conflict. */
    private static PatientGenException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || e instanceof java.sql.SQLTransientException) {
            LOG.warn("database unavailable: {}", e.toString());
            return new PatientGenException(ErrorKind.UNAVAILABLE, "the engine's database is unavailable ("
                    + e.getMessage() + "); try again shortly, and check the database if it persists", e);
        }
        if (state.startsWith("23")) {
            return new PatientGenException(ErrorKind.CONFLICT, "the change conflicts with stored data: "
                    + e.getMessage(), e);
        }
        LOG.error("database failure in a service call", e);
        return new PatientGenException(ErrorKind.INTERNAL, "the engine's database failed: " + e.getMessage(), e);
    }

    static PatientGenException notFound(String what) {
        return new PatientGenException(ErrorKind.NOT_FOUND, what + " does not exist");
    }
}
