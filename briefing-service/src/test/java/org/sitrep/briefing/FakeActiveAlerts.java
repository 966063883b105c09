package org.sitrep.briefing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sitrep.briefing.service.ActiveAlerts;
import org.sitrep.briefing.service.AlertSummary;
import org.sitrep.regions.RegionCatalogue;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Stands in for the alerts read model in tests: warnings a test registers are active for three days from their
 * {@code raisedAt} (so tests in other time windows do not see them), in their region and every region containing it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FakeActiveAlerts implements ActiveAlerts {

    private final List<AlertSummary> alerts = new CopyOnWriteArrayList<>();
    private final RegionCatalogue catalogue;

    public FakeActiveAlerts(RegionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public void raise(AlertSummary alert) {
        alerts.add(alert);
    }

    @Override
    public List<AlertSummary> activeAt(Instant at, String regionCodeOrNull) {
        return alerts.stream()
                .filter(a -> !a.raisedAt().isAfter(at) && a.raisedAt().plus(java.time.Duration.ofDays(3)).isAfter(at))
                .filter(a -> regionCodeOrNull == null || a.regionCode().equals(regionCodeOrNull)
                        || catalogue.isWithin(a.regionCode(), regionCodeOrNull))
                .toList();
    }
}
