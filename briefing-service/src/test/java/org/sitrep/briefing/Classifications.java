package org.sitrep.briefing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds ReportClassified v1 payloads (valid against the schema) and hands out far-apart time windows. */
public final class Classifications {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant EPOCH = Instant.parse("2001-01-01T00:00:00Z");
    private static final int RUN_SEED = ThreadLocalRandom.current().nextInt(0, 1000) * 30;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Classifications() {
    }

    /** The start (a UTC midnight) of a 10-day window no other test of this run uses. */
    public static Instant freshWindow() {
        return EPOCH.plus(Duration.ofDays(RUN_SEED + 10L * NEXT.incrementAndGet()));
    }

    public static Builder report() {
        return new Builder();
    }

    public static final class Builder {
        private String reportId = UUID.randomUUID().toString();
        private int version = 1;
        private String regionCode = "610902";
        private Instant occurredAt = Instant.parse("2030-01-01T00:00:00Z");
        private String category = "PUBLIC_ORDER";
        private String severity = "IV";
        private String title = "测试报告";
        private String unitId = "unit-test";
        private String incidentId = UUID.randomUUID().toString();
        private Duration delay = Duration.ofMinutes(10);

        public Builder id(String id) {
            this.reportId = id;
            return this;
        }

        public Builder version(int v) {
            this.version = v;
            return this;
        }

        public Builder region(String code) {
            this.regionCode = code;
            return this;
        }

        public Builder at(Instant t) {
            this.occurredAt = t;
            return this;
        }

        public Builder category(String c) {
            this.category = c;
            return this;
        }

        public Builder severity(String s) {
            this.severity = s;
            return this;
        }

        public Builder title(String t) {
            this.title = t;
            return this;
        }

        /** How long after occurredAt the report was received (default 10 minutes). */
        public Builder delay(Duration d) {
            this.delay = d;
            return this;
        }

        public Builder unit(String u) {
            this.unitId = u;
            return this;
        }

        /** The incident the report belongs to (default: an incident of its own); null sends {@code "incidentId": null}. */
        public Builder incident(String id) {
            this.incidentId = id;
            return this;
        }

        /** The same report with another incident and version: what an analyst's split or merge sends. */
        public Builder copy() {
            Builder b = new Builder();
            b.reportId = reportId;
            b.version = version;
            b.regionCode = regionCode;
            b.occurredAt = occurredAt;
            b.category = category;
            b.severity = severity;
            b.title = title;
            b.unitId = unitId;
            b.incidentId = incidentId;
            b.delay = delay;
            return b;
        }

        public String incidentId() {
            return incidentId;
        }

        public String id() {
            return reportId;
        }

        public String json() {
            ObjectNode n = MAPPER.createObjectNode();
            n.put("reportId", reportId);
            n.put("version", version);
            n.put("unitId", unitId);
            n.put("regionCode", regionCode);
            n.put("occurredAt", occurredAt.toString());
            n.put("receivedAt", occurredAt.plus(delay).toString());
            n.put("title", title);
            n.put("summary", "摘要：" + title);
            n.put("category", category);
            n.put("confidence", 0.87);
            ObjectNode scores = n.putObject("scores");
            for (String c : new String[] {"POLITICAL_SECURITY", "PUBLIC_ORDER", "SOCIAL_CONFLICT", "PUBLIC_SAFETY", "CYBER_SECURITY"}) {
                scores.put(c, c.equals(category) ? 0.87 : 0.03);
            }
            n.put("severity", severity);
            n.putArray("evidence").add("证据");
            n.put("needsReview", false);
            n.put("modelVersion", "nb-test-1");
            n.put("taxonomyVersion", "2026.1");
            if (incidentId == null) {
            n.putNull("incidentId");
        } else {
            n.put("incidentId", incidentId);
        }
            n.put("classifiedAt", occurredAt.plus(delay).plusSeconds(60).toString());
            n.putObject("casualties").put("deaths", 0).put("injured", 1);
            n.put("someFutureField", "ignored by tolerant readers");
            return n.toString();
        }
    }
}
