package org.sitrep.briefing.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.sitrep.briefing.service.ActiveAlerts;
import org.sitrep.briefing.service.AlertSummary;
import org.sitrep.regions.RegionCatalogue;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The early warnings active at an instant, from table {@code alert} (replaces the {@code NoActiveAlerts} default).
 * The table holds each alert's latest version, so the answer is read from its timestamps: raised at or before the
 * instant, not expired ({@code expiresAt}) and not resolved ({@code resolvedAt}) by then, and not marked EXPIRED at or
 * before it; its status is the one it had then (ACKNOWLEDGED once {@code acknowledgedAt} has passed, else RAISED or
 * its latest active status). Headline and severity are those of the latest version.
 */
@ApplicationScoped
public class StoredActiveAlerts implements ActiveAlerts {

    private final RegionCatalogue catalogue;

    public StoredActiveAlerts(RegionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertSummary> activeAt(Instant at, String regionCodeOrNull) {
        StringBuilder q = new StringBuilder("raisedAt <= :at and expiresAt > :at"
                + " and (resolvedAt is null or resolvedAt > :at)"
                + " and not (status = 'EXPIRED' and updatedAt <= :at)");
        Parameters p = Parameters.with("at", at);
        if (regionCodeOrNull != null) {
            List<String> codes = new ArrayList<>();
            codes.add(regionCodeOrNull);
            catalogue.all().stream().filter(r -> !r.code().equals(regionCodeOrNull)
                    && catalogue.isWithin(r.code(), regionCodeOrNull)).forEach(r -> codes.add(r.code()));
            q.append(" and regionCode in :regions");
            p.and("regions", codes);
        }
        List<AlertSummary> out = new ArrayList<>();
        for (AlertEntity e : AlertEntity.<AlertEntity>list(q.toString(), p)) {
            out.add(new AlertSummary(e.alertId, e.regionCode.trim(), e.category, e.kind, e.severity.trim(),
                    statusAt(e, at), e.headline, e.raisedAt));
        }
        out.sort(AlertSummary.BRIEFING_ORDER);
        return out;
    }

    static String statusAt(AlertEntity e, Instant at) {
        if (e.acknowledgedAt != null && !e.acknowledgedAt.isAfter(at)) {
            return "ACKNOWLEDGED";
        }
        if ("RAISED".equals(e.status) || "UPDATED".equals(e.status)) {
            return e.updatedAt != null && !e.updatedAt.isAfter(at) ? e.status : "RAISED";
        }
        return "RAISED";
    }
}
