package org.sitrep.ingest.messaging;

import java.time.Instant;
import java.util.UUID;

import org.sitrep.ingest.domain.ReportSubmission;

/** Payload of {@code org.sitrep.report.received.v1} on topic {@code reports} (docs/events/report-received.v1.schema.json). */
public record ReportReceived(
        UUID reportId,
        String unitId,
        String regionCode,
        Instant occurredAt,
        Instant receivedAt,
        String title,
        String body,
        String externalId,
        String declaredCategory,
        ReportSubmission.Location location,
        ReportSubmission.Casualties casualties) {

    public static final String TOPIC = "reports";
    public static final String TYPE = "org.sitrep.report.received.v1";

    public static ReportReceived of(UUID id, Instant receivedAt, ReportSubmission s) {
        return new ReportReceived(id, s.unitId(), s.regionCode(), s.occurredAt(), receivedAt, s.title(), s.body(),
                s.externalId(), s.declaredCategory(), s.location(), s.casualties());
    }
}
