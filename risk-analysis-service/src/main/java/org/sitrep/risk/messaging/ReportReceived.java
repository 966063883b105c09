package org.sitrep.risk.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.sitrep.messaging.PoisonEventException;
import org.sitrep.risk.severity.Casualties;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a ReportReceived v1 payload this service reads (tolerant reader: other fields are ignored). A payload
 * without a valid required field is poison.
 */
public record ReportReceived(UUID reportId, String unitId, String regionCode, Instant occurredAt, Instant receivedAt,
        String title, String body, Casualties casualties) {

    public static ReportReceived parse(ObjectMapper mapper, String json) {
        JsonNode n;
        try {
            n = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new PoisonEventException("payload is not a JSON object");
        }
        UUID reportId;
        try {
            reportId = UUID.fromString(text(n, "reportId"));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("reportId is not a UUID", e);
        }
        String unitId = text(n, "unitId");
        String regionCode = text(n, "regionCode");
        if (!regionCode.matches("[0-9]{6}")) {
            throw new PoisonEventException("regionCode is not a 6-digit code: " + regionCode);
        }
        Instant occurredAt = instant(n, "occurredAt");
        Instant receivedAt = instant(n, "receivedAt");
        String body = text(n, "body");
        JsonNode t = n.get("title");
        String title = t == null || t.isNull() ? null : t.isTextual() ? t.asText() : null;
        Casualties casualties = null;
        JsonNode c = n.get("casualties");
        if (c != null && c.isObject()) {
            casualties = new Casualties(count(c, "deaths"), count(c, "injured"));
        }
        return new ReportReceived(reportId, unitId, regionCode, occurredAt, receivedAt, title, body, casualties);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new PoisonEventException("required field " + field + " is missing");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new PoisonEventException("field " + field + " must be a non-blank string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("field " + field + " is not an RFC 3339 date-time: " + v, e);
        }
    }

    private static Integer count(JsonNode c, String field) {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
            throw new PoisonEventException("casualties." + field + " must be a non-negative integer");
        }
        return v.asInt();
    }
}
