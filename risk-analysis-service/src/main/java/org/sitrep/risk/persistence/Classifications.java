package org.sitrep.risk.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Stored classifications, keyed by report id. */
@ApplicationScoped
public class Classifications {

    private final EntityManager em;

    public Classifications(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportClassificationEntity> find(UUID reportId) {
        return Optional.ofNullable(em.find(ReportClassificationEntity.class, reportId));
    }

    /**
     * Stores the first classification of a report; false (and nothing written) when the report was classified
     * before. Records of one report arrive on one partition (keyed by report id), so they are applied one at a time;
     * the primary key guards against anything else.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertFirst(ReportClassificationEntity e) {
        if (em.find(ReportClassificationEntity.class, e.reportId) != null) {
            return false;
        }
        em.persist(e);
        em.flush();
        return true;
    }
}
