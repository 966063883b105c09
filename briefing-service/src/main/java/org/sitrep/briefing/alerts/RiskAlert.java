package org.sitrep.briefing.alerts;

import static org.sitrep.briefing.messaging.PayloadFields.instant;
import static org.sitrep.briefing.messaging.PayloadFields.number;
import static org.sitrep.briefing.messaging.PayloadFields.object;
import static org.sitrep.briefing.messaging.PayloadFields.text;
import static org.sitrep.briefing.messaging.PayloadFields.uuid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.Severity;
import org.sitrep.messaging.PoisonEventException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a RiskAlert v1 payload (topic {@code risk-alerts}) as this service keeps them. Tolerant reader:
 * unknown fields are ignored; a missing or malformed required field makes the record poison.
 */
public record RiskAlert(UUID alertId, int version, AlertStatus status, String kind, String regionCode,
        String regionName, String regionLevel, Category category, Severity severity, String headline,
        String description, List<UUID> reportIds, LocalDate day, Integer observed, Double expected, Double pValue,
        Double cusum, Instant raisedAt, Instant updatedAt, Instant expiresAt, Instant acknowledgedAt,
        String acknowledgedBy, Instant resolvedAt) {

    /** The lifecycle steps of an alert; the first three are active. */
    public enum AlertStatus {
        RAISED("raised"), UPDATED("updated"), ACKNOWLEDGED("acknowledged"), RESOLVED("resolved"), EXPIRED("expired");

        /** The step's name in the CloudEvents type {@code org.sitrep.alert.<step>.v1}. */
        public final String step;

        AlertStatus(String step) {
            this.step = step;
        }

        public boolean active() {
            return this == RAISED || this == UPDATED || this == ACKNOWLEDGED;
        }

        public String ceType() {
            return "org.sitrep.alert." + step + ".v1";
        }

        public static Optional<AlertStatus> parse(String code) {
            for (AlertStatus s : values()) {
                if (s.name().equals(code)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        /** The status a CloudEvents type names, if it is one of the alert types. */
        public static Optional<AlertStatus> ofCeType(String type) {
            for (AlertStatus s : values()) {
                if (s.ceType().equals(type)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    static final List<String> KINDS = List.of("SPIKE", "SUSTAINED_RISE", "SEVERE_REPORT");
    static final List<String> LEVELS = List.of("PROVINCE", "CITY", "COUNTY");
    private static final Pattern REGION = Pattern.compile("\\d{6}");

    public static RiskAlert parse(ObjectMapper mapper, String json) {
        JsonNode n = object(mapper, json);
        JsonNode version = n.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 1) {
            throw new PoisonEventException("version must be an integer >= 1");
        }
        String region = text(n, "regionCode", true);
        if (!REGION.matcher(region).matches()) {
            throw new PoisonEventException("regionCode must have 6 digits: " + region);
        }
        String status = text(n, "status", true);
        String kind = oneOf(n, "kind", KINDS);
        String level = oneOf(n, "regionLevel", LEVELS);
        String category = text(n, "category", true);
        String severity = text(n, "severity", true);
        JsonNode ids = n.get("reportIds");
        if (ids == null || !ids.isArray()) {
            throw new PoisonEventException("reportIds must be an array");
        }
        List<UUID> reportIds = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw new PoisonEventException("reportIds must hold strings");
            }
            reportIds.add(uuid("reportIds[]", id.asText()));
        }
        String day = text(n, "day", false);
        LocalDate dayValue;
        try {
            dayValue = day == null ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("day is not a date: " + day, e);
        }
        return new RiskAlert(
                uuid("alertId", text(n, "alertId", true)),
                version.asInt(),
                AlertStatus.parse(status).orElseThrow(() -> new PoisonEventException("unknown status " + status)),
                kind,
                region,
                text(n, "regionName", false),
                level,
                Category.parse(category).orElseThrow(() -> new PoisonEventException("unknown category " + category)),
                Severity.parse(severity).orElseThrow(() -> new PoisonEventException("unknown severity " + severity)),
                text(n, "headline", true),
                text(n, "description", false),
                List.copyOf(reportIds),
                dayValue,
                n.path("observed").isIntegralNumber() ? n.path("observed").asInt() : null,
                number(n, "expected"),
                number(n, "pValue"),
                number(n, "cusum"),
                instant(n, "raisedAt", true),
                instant(n, "updatedAt", true),
                instant(n, "expiresAt", true),
                instant(n, "acknowledgedAt", false),
                text(n, "acknowledgedBy", false),
                instant(n, "resolvedAt", false));
    }

    /** The alert as JSON for the API and the live stream. */
    public Map<String, Object> view(String regionNameFromCatalogue) {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("alertId", alertId);
        v.put("version", version);
        v.put("status", status.name());
        v.put("kind", kind);
        v.put("regionCode", regionCode);
        v.put("regionName", regionName != null ? regionName : regionNameFromCatalogue);
        v.put("regionLevel", regionLevel);
        v.put("category", category.name());
        v.put("categoryLabel", category.label);
        v.put("severity", severity.name());
        v.put("severityLabel", severity.label);
        v.put("headline", headline);
        v.put("description", description);
        v.put("reportIds", reportIds);
        v.put("day", day);
        v.put("observed", observed);
        v.put("expected", expected);
        v.put("pValue", pValue);
        v.put("cusum", cusum);
        v.put("raisedAt", raisedAt);
        v.put("updatedAt", updatedAt);
        v.put("expiresAt", expiresAt);
        v.put("acknowledgedAt", acknowledgedAt);
        v.put("acknowledgedBy", acknowledgedBy);
        v.put("resolvedAt", resolvedAt);
        return v;
    }

    private static String oneOf(JsonNode n, String field, List<String> allowed) {
        String v = text(n, field, true);
        if (!allowed.contains(v)) {
            throw new PoisonEventException(field + " must be one of " + allowed + ": " + v);
        }
        return v;
    }
}
