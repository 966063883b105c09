package org.sitrep.briefing.persistence;

import java.time.Instant;
import java.util.UUID;

/** The facts of a report that a situation cell or a briefing lists. */
public record ReportRow(UUID id, String title, String unitId, String regionCode, Instant occurredAt, String severity,
        String category, UUID incidentId) {
}
