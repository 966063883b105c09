package org.sitrep.risk.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.sitrep.risk.messaging.ClassificationEvents;
import org.sitrep.risk.persistence.CategoryCounts;
import org.sitrep.risk.persistence.ReportClassificationEntity;
import org.sitrep.risk.warning.EarlyWarnings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Every change to a stored classification after the first goes through here: an analyst's review, a re-classification
 * by a new model, an incident split or merge. In one transaction it locks the row, applies the change, and — only when
 * something a reader sees changed — raises the version, moves the count from the old cell to the new one, records
 * the change with its reason, publishes the new version, and lets the early warnings see the new category and grade. Consumers apply a version once and never an older one,
 * so the counts downstream move exactly once.
 */
@ApplicationScoped
public class ClassificationRevisions {

    public enum Kind { REVIEW, RECLASSIFICATION, INCIDENT_SPLIT, INCIDENT_MERGE }

    private final EntityManager em;
    private final CategoryCounts counts;
    private final ClassificationEvents events;
    private final EarlyWarnings warnings;

    public ClassificationRevisions(EntityManager em, CategoryCounts counts, ClassificationEvents events,
            EarlyWarnings warnings) {
        this.em = em;
        this.counts = counts;
        this.events = events;
        this.warnings = warnings;
    }

    /** The outcome: the row as it is now, and whether this call changed it. */
    public record Outcome(ReportClassificationEntity classification, boolean changed) {
    }

    /**
     * Applies {@code change} to the report's classification. Returns empty when the report is unknown.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Outcome> revise(UUID reportId, Kind kind, String reason, String actor,
            Consumer<ReportClassificationEntity> change) {
        ReportClassificationEntity e = em.find(ReportClassificationEntity.class, reportId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            return Optional.empty();
        }
        String category = e.category;
        String severity = e.severity;
        UUID incident = e.incidentId;
        boolean needsReview = e.needsReview;
        String model = e.modelVersion;
        String taxonomy = e.taxonomyVersion;
        change.accept(e);
        boolean changed = !Objects.equals(category, e.category) || !Objects.equals(severity, e.severity)
                || !Objects.equals(incident, e.incidentId) || needsReview != e.needsReview
                || !Objects.equals(model, e.modelVersion) || !Objects.equals(taxonomy, e.taxonomyVersion);
        if (!changed) {
            em.refresh(e);
            return Optional.of(new Outcome(e, false));
        }
        e.version++;
        e.classifiedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!category.equals(e.category)) {
            counts.decrement(e.regionCode, category, e.occurredAt);
            counts.increment(e.regionCode, e.category, e.occurredAt);
        }
        em.createNativeQuery("insert into classification_change (report_id, version, kind, reason, actor, previous_category, "
                        + "previous_severity, previous_incident_id, category, severity, incident_id) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, e.reportId).setParameter(2, e.version).setParameter(3, kind.name())
                .setParameter(4, reason).setParameter(5, actor).setParameter(6, category).setParameter(7, severity)
                .setParameter(8, incident).setParameter(9, e.category).setParameter(10, e.severity)
                .setParameter(11, e.incidentId)
                .executeUpdate();
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("kind", kind.name());
        revision.put("reason", reason);
        events.publish(e, revision);
        if (!category.equals(e.category) || !Objects.equals(severity, e.severity)) {
            warnings.onRevised(e.reportId, e.regionCode, category, severity, e.category, e.severity, e.occurredAt, e.title,
                    e.summary);
        }
        return Optional.of(new Outcome(e, true));
    }
}
