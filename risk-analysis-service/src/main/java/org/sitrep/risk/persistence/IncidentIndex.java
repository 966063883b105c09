package org.sitrep.risk.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sitrep.risk.incident.IncidentLinker;
import org.sitrep.risk.incident.TextFingerprint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Finds the earlier reports a new report may share an incident with, and the reports of an incident. */
@ApplicationScoped
public class IncidentIndex {

    private final EntityManager em;

    public IncidentIndex(EntityManager em) {
        this.em = em;
    }

    /**
     * Serialises incident linking within one city-level area until this transaction ends (a transaction-scoped
     * PostgreSQL advisory lock), so two reports of one incident consumed at the same moment — by two replicas, or from
     * two partitions — cannot both miss each other and start two incidents: the second waits, then sees the first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockArea(String regionCode) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "sitrep-incident-link:" + regionCode.substring(0, 4))
                .getResultList();
    }

    /** Reports of the same city-level area whose occurrence lies within the window around {@code occurredAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IncidentLinker.Sighting> candidates(String regionCode, Instant occurredAt, java.time.Duration window) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select report_id, incident_id, region_code, occurred_at, category, fingerprint "
                        + "from report_classification where substr(region_code, 1, 4) = ?1 "
                        + "and occurred_at between ?2 and ?3 and fingerprint is not null and incident_id is not null")
                .setParameter(1, regionCode.substring(0, 4))
                .setParameter(2, Timestamp.from(occurredAt.minus(window)))
                .setParameter(3, Timestamp.from(occurredAt.plus(window)))
                .getResultList();
        return rows.stream().map(r -> new IncidentLinker.Sighting(r[0].toString(), (UUID) r[1], (String) r[2],
                NativeValues.instant(r[3]), (String) r[4], TextFingerprint.fromBytes((byte[]) r[5]))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportClassificationEntity> reportsOf(UUID incidentId) {
        return em.createQuery("select c from ReportClassificationEntity c where c.incidentId = :id order by c.occurredAt, c.reportId",
                ReportClassificationEntity.class).setParameter("id", incidentId).getResultList();
    }
}
