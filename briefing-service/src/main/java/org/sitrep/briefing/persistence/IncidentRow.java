package org.sitrep.briefing.persistence;

import java.time.Instant;
import java.util.UUID;

/** An incident as the situation map counts it: the cell of its earliest report, its size and gravest grade. */
public record IncidentRow(UUID incidentId, String regionCode, String category, Instant occurredAt,
        Instant lastOccurredAt, int reportCount, String maxSeverity, UUID firstReportId) {
}
