package org.sitrep.risk.rest;

import java.util.List;

/** Thrown by resources for bad input; rendered as a problem document. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String title, List<Problem.Violation> violations) {
        super(title);
        this.problem = Problem.of(status, title, violations.isEmpty() ? title
                : violations.get(0).field() + ": " + violations.get(0).message(), violations);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Invalid request", List.of(new Problem.Violation(field, message)));
    }

    public Problem problem() {
        return problem;
    }
}
