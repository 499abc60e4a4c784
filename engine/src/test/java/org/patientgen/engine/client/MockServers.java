package org.patientgen.engine.client;

import mockwebserver3.MockResponse;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.wire.Problem;
import org.patientgen.engine.wire.WireJson;

/** Canned answers for mockwebserver3. */
final class MockServers {
    static final String TOKEN = "pg_" + "T".repeat(43);

    private MockServers() {
    }

    /** 200 with {@code value} as JSON. */
    static MockResponse json(Object value) {
        return json(200, value);
    }

    /** {@code status} with {@code value} as JSON. */
    static MockResponse json(int status, Object value) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(WireJson.write(value)).build();
    }

    /** The server's problem document for {@code kind}. */
    static MockResponse problem(ErrorKind kind, String detail) {
        return problem(Problem.of(kind, detail, "/test"));
    }

    static MockResponse problem(Problem problem) {
        return new MockResponse.Builder().code(problem.status()).setHeader("Content-Type", WireJson.PROBLEM_JSON)
                .body(WireJson.write(problem)).build();
    }
}
