package org.sitrep.briefing.service;

/** A resource that does not exist: answered 404 problem+json. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String message) {
        super(message);
    }
}
