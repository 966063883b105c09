package org.sitrep.risk.rest;

import java.time.Instant;
import java.util.UUID;

import org.sitrep.risk.persistence.ReportClassificationEntity;

/** A stored classification as the review and incident endpoints show it. */
public record ClassificationView(UUID reportId, int version, String unitId, String regionCode, Instant occurredAt,
        String title, String summary, String category, double confidence, String severity, boolean needsReview,
        Instant reviewedAt, String modelVersion, String taxonomyVersion, UUID incidentId, Instant classifiedAt) {

    public static ClassificationView of(ReportClassificationEntity e) {
        return new ClassificationView(e.reportId, e.version, e.unitId, e.regionCode, e.occurredAt, e.title, e.summary,
                e.category, e.confidence, e.severity, e.needsReview, e.reviewedAt, e.modelVersion, e.taxonomyVersion,
                e.incidentId, e.classifiedAt);
    }
}
