package org.sitrep.risk.service;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;
import org.sitrep.risk.classification.Classification;
import org.sitrep.risk.persistence.NativeValues;
import org.sitrep.risk.severity.Casualties;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Re-classifies stored history with the model this instance runs, e.g. after a new model or taxonomy was deployed.
 * A job walks the reports of its period one at a time, each in its own transaction through
 * {@link ClassificationRevisions}: a report whose judgement or model version changed gets the next version, its count
 * moves and the new version is published; a report already judged by this model is left alone, so running a job twice
 * changes nothing the second time. Classifications an analyst set are not overridden. Progress is kept in
 * {@code reclassification_job}.
 */
@ApplicationScoped
public class Reclassifications {

    private static final Logger LOG = Logger.getLogger(Reclassifications.class);
    private static final int PROGRESS_EVERY = 50;

    private final EntityManager em;
    private final RiskAnalyzer analyzer;
    private final ClassificationRevisions revisions;
    private final ObjectMapper mapper;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reclassification");
        t.setDaemon(true);
        return t;
    });

    public Reclassifications(EntityManager em, RiskAnalyzer analyzer, ClassificationRevisions revisions, ObjectMapper mapper) {
        this.em = em;
        this.analyzer = analyzer;
        this.revisions = revisions;
        this.mapper = mapper;
    }

    public record Job(UUID id, String status, Instant from, Instant to, String modelVersion, int total, int processed,
            int changed, String error, Instant createdAt, Instant finishedAt) {
    }

    /** Jobs that were running when the service stopped did not finish. */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update reclassification_job set status = 'FAILED', error = 'interrupted by a restart', finished_at = now() "
                        + "where status = 'RUNNING'").executeUpdate());
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Records a job for reports that occurred in [from, to) (either bound may be open) and starts it. */
    public Job start(Instant from, Instant to) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into reclassification_job (id, status, period_from, period_to, model_version, created_at) "
                                + "values (?1, 'RUNNING', ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, from == null ? null : Timestamp.from(from))
                .setParameter(3, to == null ? null : Timestamp.from(to)).setParameter(4, analyzer.modelVersion())
                .setParameter(5, Timestamp.from(Instant.now())).executeUpdate());
        worker.submit(() -> run(id, from, to));
        return find(id).orElseThrow();
    }

    public Optional<Job> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, status, period_from, period_to, model_version, total, "
                    + "processed, changed, error, created_at, finished_at from reclassification_job where id = ?1")
                    .setParameter(1, id).getResultList();
            return rows.stream().findFirst().map(r -> new Job((UUID) r[0], (String) r[1], NativeValues.instant(r[2]), NativeValues.instant(r[3]),
                    (String) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue(),
                    (String) r[8], NativeValues.instant(r[9]), NativeValues.instant(r[10])));
        });
    }

    private void run(UUID id, Instant from, Instant to) {
        try {
            List<UUID> reports = QuarkusTransaction.requiringNew().call(() -> {
                var query = em.createQuery("select c.reportId from ReportClassificationEntity c where c.reviewedAt is null"
                        + (from == null ? "" : " and c.occurredAt >= :from")
                        + (to == null ? "" : " and c.occurredAt < :to")
                        + " order by c.occurredAt, c.reportId", UUID.class);
                if (from != null) {
                    query.setParameter("from", from);
                }
                if (to != null) {
                    query.setParameter("to", to);
                }
                return query.getResultList();
            });
            progress(id, reports.size(), 0, 0);
            int processed = 0;
            int changed = 0;
            for (UUID reportId : reports) {
                boolean didChange = revisions.revise(reportId, ClassificationRevisions.Kind.RECLASSIFICATION,
                        "re-classified by model " + analyzer.modelVersion(), "reclassification " + id, this::reclassify)
                        .map(ClassificationRevisions.Outcome::changed).orElse(false);
                processed++;
                if (didChange) {
                    changed++;
                }
                if (processed % PROGRESS_EVERY == 0) {
                    progress(id, reports.size(), processed, changed);
                }
            }
            progress(id, reports.size(), processed, changed);
            finish(id, "COMPLETED", null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "re-classification %s failed", id);
            finish(id, "FAILED", e.getMessage());
        }
    }

    private void reclassify(org.sitrep.risk.persistence.ReportClassificationEntity c) {
        String text = c.body != null ? c.body : c.summary;
        Casualties casualties = c.deaths == null && c.injured == null ? null : new Casualties(c.deaths, c.injured);
        Analysis analysis = analyzer.analyze(c.title, text, casualties);
        Classification result = analysis.classification();
        c.category = result.category().name();
        c.confidence = result.confidence();
        c.scores = json(result.scores());
        c.evidence = json(result.evidence());
        c.needsReview = result.needsReview();
        c.modelVersion = result.modelVersion();
        c.taxonomyVersion = result.taxonomyVersion();
        c.severity = analysis.severity().grade().name();
        c.severityReasons = json(analysis.severity().reasons());
    }

    private void progress(UUID id, int total, int processed, int changed) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update reclassification_job set total = ?2, processed = ?3, changed = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, total).setParameter(3, processed).setParameter(4, changed)
                .executeUpdate());
    }

    private void finish(UUID id, String status, String error) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update reclassification_job set status = ?2, error = ?3, finished_at = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, error)
                .setParameter(4, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS))).executeUpdate());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
