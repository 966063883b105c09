package org.sitrep.briefing.service;

import java.util.List;

/** Input that cannot be served: answered 400 with a problem naming each field. */
public class InvalidRequestException extends RuntimeException {

    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.violations = List.copyOf(violations);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
