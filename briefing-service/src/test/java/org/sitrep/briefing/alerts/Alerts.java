package org.sitrep.briefing.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds RiskAlert v1 payloads that are valid against the contract's schema. */
final class Alerts {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Alerts() {
    }

    static Builder alert() {
        return new Builder();
    }

    static final class Builder {
        String alertId = UUID.randomUUID().toString();
        int version = 1;
        String status = "RAISED";
        String regionCode = "610902";
        String category = "PUBLIC_SAFETY";
        String severity = "II";
        String headline = "汉滨区发生重大道路交通事故";
        Instant raisedAt = Instant.now().minusSeconds(60);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(1));

        Builder id(String id) {
            this.alertId = id;
            return this;
        }

        Builder version(int v) {
            this.version = v;
            return this;
        }

        Builder status(String s) {
            this.status = s;
            return this;
        }

        Builder region(String code) {
            this.regionCode = code;
            return this;
        }

        Builder category(String c) {
            this.category = c;
            return this;
        }

        Builder headline(String h) {
            this.headline = h;
            return this;
        }

        Builder raisedAt(Instant t) {
            this.raisedAt = t;
            return this;
        }

        Builder expiresAt(Instant t) {
            this.expiresAt = t;
            return this;
        }

        String ceType() {
            return "org.sitrep.alert." + status.toLowerCase() + ".v1";
        }

        String json() {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("alertId", alertId);
            n.put("version", version);
            n.put("status", status);
            n.put("kind", "SEVERE_REPORT");
            n.put("regionCode", regionCode);
            n.putNull("regionName");
            n.put("regionLevel", "COUNTY");
            n.put("category", category);
            n.put("severity", severity);
            n.putNull("day");
            n.putNull("observed");
            n.putNull("expected");
            n.putNull("pValue");
            n.putNull("cusum");
            n.put("headline", headline);
            n.put("description", "死亡 12 人");
            n.putArray("reportIds").add(UUID.randomUUID().toString());
            n.put("raisedAt", raisedAt.toString());
            n.put("updatedAt", raisedAt.plusSeconds(version).toString());
            n.put("expiresAt", expiresAt.toString());
            if ("ACKNOWLEDGED".equals(status)) {
                n.put("acknowledgedAt", raisedAt.plusSeconds(30).toString());
                n.put("acknowledgedBy", "值班员张三");
            } else {
                n.putNull("acknowledgedAt");
                n.putNull("acknowledgedBy");
            }
            if ("RESOLVED".equals(status)) {
                n.put("resolvedAt", raisedAt.plusSeconds(90).toString());
            } else {
                n.putNull("resolvedAt");
            }
            return n.toString();
        }

        List<String> values() {
            return List.of(alertId, status, headline);
        }
    }
}
