package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.UUID;

import org.sitrep.briefing.persistence.ReportRow;
import org.sitrep.regions.RegionCatalogue;

/** A report as a situation cell or a briefing lists it, with the incident it belongs to. */
public record ReportItem(UUID id, String title, String unitId, String regionCode, String regionName, Instant occurredAt,
        String severity, String category, UUID incidentId) {

    public static ReportItem of(ReportRow r, RegionCatalogue catalogue) {
        return new ReportItem(r.id(), r.title(), r.unitId(), r.regionCode(), catalogue.nameOf(r.regionCode()),
                r.occurredAt(), r.severity(), r.category(), IncidentGroups.incidentOf(r));
    }
}
