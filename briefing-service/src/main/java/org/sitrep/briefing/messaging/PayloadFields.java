package org.sitrep.briefing.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.sitrep.messaging.PoisonEventException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the fields of incoming event payloads; a field that is missing when required, or of the wrong type, makes the
 * record poison (it goes to the channel's dead-letter topic with the reason).
 */
public final class PayloadFields {

    private PayloadFields() {
    }

    /** The payload as a JSON object. */
    public static JsonNode object(ObjectMapper mapper, String json) {
        JsonNode n;
        try {
            n = mapper.readTree(json);
        } catch (Exception e) {
            throw new PoisonEventException("payload is not JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new PoisonEventException("payload is not a JSON object");
        }
        return n;
    }

    public static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new PoisonEventException("required field " + field + " is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new PoisonEventException(field + " must be a string");
        }
        if (required && v.asText().isBlank()) {
            throw new PoisonEventException(field + " must not be blank");
        }
        return v.asText();
    }

    public static UUID uuid(JsonNode n, String field, boolean required) {
        String s = text(n, field, required);
        return s == null ? null : uuid(field, s);
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value, e);
        }
    }

    public static Instant instant(JsonNode n, String field, boolean required) {
        String s = text(n, field, required);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(field + " is not an RFC 3339 date-time: " + s, e);
        }
    }

    public static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new PoisonEventException(field + " must be a number");
        }
        return v.asDouble();
    }
}
