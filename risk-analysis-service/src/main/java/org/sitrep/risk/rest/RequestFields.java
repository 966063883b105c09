package org.sitrep.risk.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the fields of a JSON request body, collecting a violation for each one at fault. */
final class RequestFields {

    private final JsonNode body;
    final List<Problem.Violation> violations = new ArrayList<>();

    RequestFields(JsonNode body, Set<String> allowed) {
        this.body = body;
        if (body == null || !body.isObject()) {
            violations.add(new Problem.Violation("$", "must be a JSON object"));
            return;
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                violations.add(new Problem.Violation(name, "unknown field; allowed: " + String.join(", ", allowed)));
            }
        }
    }

    String text(String field, boolean required, int maxLength) {
        JsonNode v = body == null || !body.isObject() ? null : body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                violations.add(new Problem.Violation(field, "is required"));
            }
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            violations.add(new Problem.Violation(field, "must be a non-blank string"));
            return null;
        }
        if (v.textValue().length() > maxLength || v.textValue().indexOf('\u0000') >= 0) {
            violations.add(new Problem.Violation(field, "must have at most " + maxLength + " characters and no NUL"));
            return null;
        }
        return v.textValue();
    }

    String oneOf(String field, Set<String> values) {
        String v = text(field, false, 64);
        if (v != null && !values.contains(v)) {
            violations.add(new Problem.Violation(field, "must be one of " + values));
            return null;
        }
        return v;
    }

    Instant instant(String field) {
        String v = text(field, false, 64);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be an ISO-8601 instant with offset"));
            return null;
        }
    }

    List<UUID> uuids(String field, int min, int max) {
        JsonNode v = body == null || !body.isObject() ? null : body.get(field);
        if (v == null || !v.isArray() || v.size() < min || v.size() > max) {
            violations.add(new Problem.Violation(field, "must be an array of " + min + " to " + max + " ids"));
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            try {
                ids.add(UUID.fromString(v.get(i).asText()));
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation(field + "[" + i + "]", "must be a UUID"));
            }
        }
        return ids;
    }

    void add(String field, String message) {
        violations.add(new Problem.Violation(field, message));
    }

    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Invalid request", violations);
        }
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    static int intParam(String field, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(field, "must be an integer from " + min + " to " + max);
    }
}
