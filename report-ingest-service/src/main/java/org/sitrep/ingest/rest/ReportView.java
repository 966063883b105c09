package org.sitrep.ingest.rest;

import java.time.Instant;
import java.util.UUID;

import org.sitrep.ingest.domain.ReportSubmission;
import org.sitrep.ingest.persistence.ReportEntity;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A stored report as GET shows it: what the unit sent, its status, and its classification once known. */
public record ReportView(
        UUID id,
        String unitId,
        String regionCode,
        String regionName,
        Instant occurredAt,
        Instant receivedAt,
        String title,
        String body,
        String externalId,
        String declaredCategory,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReportSubmission.Location location,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReportSubmission.Casualties casualties,
        String status,
        String category,
        String severity,
        @JsonInclude(JsonInclude.Include.NON_NULL) Classification classification) {

    /** Details of the latest classification; absent while the report is RECEIVED. */
    public record Classification(String category, String severity, Double confidence, Boolean needsReview,
            String modelVersion, Integer version, Instant classifiedAt, UUID incidentId) {
    }

    public static ReportView of(ReportEntity r, String regionName) {
        ReportSubmission.Location location = r.latitude == null ? null : new ReportSubmission.Location(r.latitude, r.longitude);
        ReportSubmission.Casualties casualties = r.deaths == null && r.injured == null ? null
                : new ReportSubmission.Casualties(r.deaths, r.injured);
        Classification classification = r.classificationVersion == null ? null
                : new Classification(r.category, r.severity, r.confidence, r.needsReview, r.modelVersion,
                        r.classificationVersion, r.classifiedAt, r.incidentId);
        return new ReportView(r.id, r.unitId, r.regionCode, regionName, r.occurredAt, r.receivedAt, r.title, r.body,
                r.externalId, r.declaredCategory, location, casualties, r.status, r.category, r.severity, classification);
    }
}
