package org.patientgen.engine.server.http;

import org.patientgen.engine.wire.Problem;

/** A failure with an HTTP-level problem document of its own (413, 415, 405, an unknown route). */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public HttpProblem(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
