package org.sitrep.briefing.messaging;

import static org.sitrep.briefing.messaging.PayloadFields.instant;
import static org.sitrep.briefing.messaging.PayloadFields.object;
import static org.sitrep.briefing.messaging.PayloadFields.text;
import static org.sitrep.briefing.messaging.PayloadFields.uuid;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.Severity;
import org.sitrep.messaging.PoisonEventException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a ReportClassified v1 payload this service reads (tolerant reader: unknown fields and fields it does
 * not use are ignored; a missing or malformed field it needs makes the record poison).
 */
public record ReportClassified(UUID reportId, int version, String unitId, String regionCode, Instant occurredAt,
        Instant receivedAt, String title, String summary, Category category, Severity severity, double confidence,
        boolean needsReview, UUID incidentId, String modelVersion, String taxonomyVersion, Instant classifiedAt,
        Integer deaths, Integer injured) {

    private static final Pattern REGION = Pattern.compile("\\d{6}");

    public static ReportClassified parse(ObjectMapper mapper, String json) {
        JsonNode n = object(mapper, json);
        JsonNode casualties = n.path("casualties");
        String region = text(n, "regionCode", true);
        if (!REGION.matcher(region).matches()) {
            throw new PoisonEventException("regionCode must have 6 digits: " + region);
        }
        JsonNode version = n.get("version");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber() || version.asInt() < 1) {
            throw new PoisonEventException("version must be an integer >= 1");
        }
        JsonNode confidence = n.get("confidence");
        if (confidence == null || !confidence.isNumber()) {
            throw new PoisonEventException("confidence must be a number");
        }
        JsonNode needsReview = n.get("needsReview");
        if (needsReview == null || !needsReview.isBoolean()) {
            throw new PoisonEventException("needsReview must be a boolean");
        }
        String category = text(n, "category", true);
        String severity = text(n, "severity", true);
        return new ReportClassified(
                uuid(n, "reportId", true),
                version.asInt(),
                text(n, "unitId", true),
                region,
                instant(n, "occurredAt", true),
                instant(n, "receivedAt", true),
                text(n, "title", false),
                text(n, "summary", false),
                Category.parse(category).orElseThrow(() -> new PoisonEventException("unknown category " + category)),
                Severity.parse(severity).orElseThrow(() -> new PoisonEventException("unknown severity " + severity)),
                confidence.asDouble(),
                needsReview.asBoolean(),
                uuid(n, "incidentId", false),
                text(n, "modelVersion", true),
                text(n, "taxonomyVersion", true),
                instant(n, "classifiedAt", true),
                casualties.path("deaths").isIntegralNumber() ? casualties.path("deaths").asInt() : null,
                casualties.path("injured").isIntegralNumber() ? casualties.path("injured").asInt() : null);
    }
}
