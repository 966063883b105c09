package org.sitrep.briefing.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.Severity;
import org.sitrep.briefing.alerts.RiskAlert.AlertStatus;
import org.sitrep.briefing.service.Page;
import org.sitrep.regions.RegionCatalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Keeps the latest version of every alert and answers the alert list. */
@ApplicationScoped
public class AlertStore {

    private static final Logger LOG = Logger.getLogger(AlertStore.class);

    private final ObjectMapper mapper;
    private final Event<AlertStored> stored;
    private final RegionCatalogue catalogue;
    private final Clock clock;

    public AlertStore(ObjectMapper mapper, Event<AlertStored> stored, RegionCatalogue catalogue, Clock clock) {
        this.mapper = mapper;
        this.stored = stored;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Stores the alert when its version is higher than the one held (or it is new); fires {@link AlertStored}.
     *
     * @return whether it was stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(RiskAlert alert) {
        AlertEntity e = AlertEntity.findById(alert.alertId(), LockModeType.PESSIMISTIC_WRITE);
        if (e != null && e.version >= alert.version()) {
            LOG.debugf("alert %s version %d ignored: version %d is held", alert.alertId(), alert.version(), e.version);
            return false;
        }
        boolean isNew = e == null;
        if (isNew) {
            e = new AlertEntity();
            e.alertId = alert.alertId();
        }
        e.version = alert.version();
        e.status = alert.status().name();
        e.kind = alert.kind();
        e.regionCode = alert.regionCode();
        e.regionName = alert.regionName();
        e.regionLevel = alert.regionLevel();
        e.category = alert.category().name();
        e.severity = alert.severity().name();
        e.headline = alert.headline();
        e.description = alert.description();
        e.reportIds = json(alert.reportIds());
        e.day = alert.day();
        e.observed = alert.observed();
        e.expected = alert.expected();
        e.pValue = alert.pValue();
        e.cusum = alert.cusum();
        e.raisedAt = alert.raisedAt();
        e.updatedAt = alert.updatedAt();
        e.expiresAt = alert.expiresAt();
        e.acknowledgedAt = alert.acknowledgedAt();
        e.acknowledgedBy = alert.acknowledgedBy();
        e.resolvedAt = alert.resolvedAt();
        e.storedAt = clock.instant();
        if (isNew) {
            e.persist();
        }
        stored.fire(new AlertStored(alert));
        return true;
    }

    /**
     * Alerts newest first (by {@code raisedAt}). Without a status: the active ones (RAISED, UPDATED, ACKNOWLEDGED)
     * that have not passed their {@code expiresAt}; with one: every alert in that status.
     *
     * @param regionCode the region or any region within it; null for all
     */
    public Page<RiskAlert> list(String regionCode, Category category, AlertStatus status, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (status == null) {
            q.append(" and status in :statuses and expiresAt > :now");
            p.and("statuses", List.of(AlertStatus.RAISED.name(), AlertStatus.UPDATED.name(),
                    AlertStatus.ACKNOWLEDGED.name())).and("now", clock.instant());
        } else {
            q.append(" and status = :status");
            p.and("status", status.name());
        }
        if (regionCode != null) {
            q.append(" and regionCode in :regions");
            p.and("regions", regionsWithin(regionCode));
        }
        if (category != null) {
            q.append(" and category = :category");
            p.and("category", category.name());
        }
        var query = AlertEntity.<AlertEntity>find(q.toString(), Sort.descending("raisedAt").and("alertId"), p);
        long total = query.count();
        List<RiskAlert> items = query.page(page, size).list().stream().map(this::toAlert).toList();
        return new Page<>(items, total, page, size);
    }

    public String regionNameOf(String code) {
        return catalogue.contains(code) ? catalogue.nameOf(code) : null;
    }

    private List<String> regionsWithin(String code) {
        List<String> codes = new ArrayList<>();
        codes.add(code);
        for (var r : catalogue.all()) {
            if (!r.code().equals(code) && catalogue.isWithin(r.code(), code)) {
                codes.add(r.code());
            }
        }
        return codes;
    }

    RiskAlert toAlert(AlertEntity e) {
        List<UUID> ids;
        try {
            ids = mapper.readValue(e.reportIds, new TypeReference<List<UUID>>() {
            });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("alert " + e.alertId + " has unreadable report ids", ex);
        }
        return new RiskAlert(e.alertId, e.version, AlertStatus.valueOf(e.status), e.kind, e.regionCode.trim(),
                e.regionName, e.regionLevel, Category.valueOf(e.category), Severity.valueOf(e.severity.trim()), e.headline,
                e.description, ids, e.day, e.observed, e.expected, e.pValue, e.cusum, e.raisedAt, e.updatedAt,
                e.expiresAt, e.acknowledgedAt, e.acknowledgedBy, e.resolvedAt);
    }

    private String json(List<UUID> ids) {
        try {
            return mapper.writeValueAsString(ids);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
