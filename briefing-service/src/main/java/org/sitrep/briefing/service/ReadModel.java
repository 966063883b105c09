package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.sitrep.briefing.domain.IncidentAttribution;
import org.sitrep.briefing.domain.Period;
import org.sitrep.briefing.messaging.ReportClassified;
import org.sitrep.briefing.persistence.ClassifiedReport;
import org.sitrep.briefing.persistence.Incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Applies classifications to the read model: a record replaces what is stored only if its version is higher, and
 * the hourly situation aggregate moves with it in the same transaction (+1 for a new report; −1 on the old cell and
 * +1 on the new one when a re-classification changes region, category or hour), and so do the incidents the report
 * belongs to before and after the change: each is re-attributed from its remaining reports (see
 * {@link IncidentAttribution}) and deleted when it has none left. A report without {@code incidentId} is an incident
 * of its own (its incident id is its report id).
 */
@Startup // registers its meters at start, so dashboards see them before the first record
@ApplicationScoped
public class ReadModel {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);
    /** First key of the transaction-scoped advisory locks that serialise the re-attribution of one incident. */
    private static final int INCIDENT_LOCK_CLASS = 0x5e1d;

    private final EntityManager em;
    private final Counter applied;
    private final Counter stale;

    public ReadModel(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.applied = Counter.builder("sitrep.briefing.classifications.applied")
                .description("Classifications applied to the read model").register(registry);
        this.stale = Counter.builder("sitrep.briefing.classifications.stale")
                .description("Classifications ignored because a same or higher version was held").register(registry);
    }

    /** @return true when the record changed the read model */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(ReportClassified c) {
        ClassifiedReport row = em.find(ClassifiedReport.class, c.reportId(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new ClassifiedReport();
            row.reportId = c.reportId();
            copy(c, row);
            em.persist(row);
            em.flush();
            adjust(c.regionCode(), c.category().name(), c.occurredAt(), +1);
            reattribute(row.incidentId, null);
            applied.increment();
            return true;
        }
        if (c.version() <= row.version) {
            LOG.debugf("report %s: version %d ignored, holding %d", c.reportId(), c.version(), row.version);
            stale.increment();
            return false;
        }
        String oldRegion = row.regionCode;
        String oldCategory = row.category;
        Instant oldHour = Period.hourOf(row.occurredAt);
        Instant oldOccurredAt = row.occurredAt;
        String oldSeverity = row.severity;
        UUID oldIncident = row.incidentId;
        copy(c, row);
        em.flush();
        boolean moved = !Objects.equals(oldRegion, c.regionCode()) || !Objects.equals(oldCategory, c.category().name())
                || !oldHour.equals(Period.hourOf(c.occurredAt()));
        if (moved) {
            adjust(oldRegion, oldCategory, oldHour, -1);
            adjust(c.regionCode(), c.category().name(), c.occurredAt(), +1);
        }
        if (moved || !oldIncident.equals(row.incidentId) || !oldOccurredAt.equals(row.occurredAt)
                || !Objects.equals(oldSeverity, row.severity)) {
            reattribute(oldIncident, row.incidentId);
        }
        applied.increment();
        return true;
    }

    private void adjust(String region, String category, Instant occurredAt, int delta) {
        em.createNativeQuery("insert into situation_count (region_code, category, hour_start, count) "
                + "values (?1, ?2, ?3, greatest(?4, 0)) on conflict (region_code, category, hour_start) "
                + "do update set count = situation_count.count + ?4")
                .setParameter(1, region)
                .setParameter(2, category)
                .setParameter(3, Period.hourOf(occurredAt))
                .setParameter(4, delta)
                .executeUpdate();
    }

    /**
     * Recomputes the incidents a change touched from their reports as they are now in this transaction. Each incident
     * is locked first (in a fixed order, so two transactions never wait on each other crosswise): a concurrent
     * transaction adding a report to the same incident waits and then reads the committed reports.
     */
    private void reattribute(UUID one, UUID other) {
        TreeSet<UUID> ids = new TreeSet<>(Comparator.comparing(UUID::toString));
        ids.add(one);
        if (other != null) {
            ids.add(other);
        }
        for (UUID id : ids) {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) l")
                    .setParameter(1, INCIDENT_LOCK_CLASS)
                    .setParameter(2, id.toString())
                    .getResultList();
        }
        for (UUID id : ids) {
            List<IncidentAttribution.Member> members = em.createQuery(
                    "select r from ClassifiedReport r where r.incidentId = ?1", ClassifiedReport.class)
                    .setParameter(1, id)
                    .getResultStream()
                    .map(r -> new IncidentAttribution.Member(r.reportId, r.regionCode, r.category, r.occurredAt,
                            r.severity))
                    .toList();
            Optional<IncidentAttribution> attribution = IncidentAttribution.of(id, members);
            Incident incident = em.find(Incident.class, id);
            if (attribution.isEmpty()) {
                if (incident != null) {
                    em.remove(incident);
                }
                continue;
            }
            IncidentAttribution a = attribution.get();
            boolean fresh = incident == null;
            if (fresh) {
                incident = new Incident();
                incident.incidentId = id;
            }
            incident.firstReportId = a.firstReportId();
            incident.regionCode = a.regionCode();
            incident.category = a.category();
            incident.occurredAt = a.occurredAt();
            incident.hourStart = a.hourStart();
            incident.reportCount = a.reportCount();
            incident.maxSeverity = a.maxSeverity().name();
            incident.lastOccurredAt = a.lastOccurredAt();
            incident.updatedAt = Instant.now();
            if (fresh) {
                em.persist(incident);
            }
        }
        em.flush();
    }

    private static void copy(ReportClassified c, ClassifiedReport row) {
        row.version = c.version();
        row.unitId = c.unitId();
        row.regionCode = c.regionCode();
        row.occurredAt = c.occurredAt();
        row.receivedAt = c.receivedAt();
        row.title = c.title();
        row.summary = c.summary();
        row.category = c.category().name();
        row.severity = c.severity().name();
        row.confidence = c.confidence();
        row.needsReview = c.needsReview();
        row.incidentId = c.incidentId() != null ? c.incidentId() : c.reportId();
        row.modelVersion = c.modelVersion();
        row.taxonomyVersion = c.taxonomyVersion();
        row.classifiedAt = c.classifiedAt();
        row.deaths = c.deaths();
        row.injured = c.injured();
        row.updatedAt = Instant.now();
    }
}
