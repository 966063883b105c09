package org.sitrep.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** A report as a unit submitted it, after validation. */
public record ReportSubmission(
        String unitId,
        String regionCode,
        Instant occurredAt,
        String title,
        String body,
        String externalId,
        String declaredCategory,
        Location location,
        Casualties casualties) {

    public record Location(double lat, double lon) {
    }

    public record Casualties(Integer deaths, Integer injured) {
    }

    /**
     * SHA-256 over every field in a fixed order: equal for a faithful retry, different when anything in the report
     * changed (a conflict).
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {unitId, regionCode, occurredAt, title, body, externalId, declaredCategory,
                location == null ? null : location.lat(), location == null ? null : location.lon(),
                casualties == null ? null : casualties.deaths(), casualties == null ? null : casualties.injured()}) {
            String text = field == null ? "\u0000null" : field.toString();
            canonical.append(text.length()).append(':').append(text).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
