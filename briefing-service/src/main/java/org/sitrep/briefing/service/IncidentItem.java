package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.UUID;

import org.sitrep.briefing.persistence.IncidentRow;
import org.sitrep.regions.RegionCatalogue;

/**
 * An incident as the situation map lists it: the region, category and time of its earliest report (where it counts),
 * when its latest report happened, how many reports it has and the gravest grade among them.
 */
public record IncidentItem(UUID incidentId, String regionCode, String regionName, String category, Instant occurredAt,
        Instant lastOccurredAt, int reportCount, String maxSeverity, UUID firstReportId) {

    public static IncidentItem of(IncidentRow r, RegionCatalogue catalogue) {
        return new IncidentItem(r.incidentId(), r.regionCode(), catalogue.nameOf(r.regionCode()), r.category(),
                r.occurredAt(), r.lastOccurredAt(), r.reportCount(), r.maxSeverity(), r.firstReportId());
    }
}
