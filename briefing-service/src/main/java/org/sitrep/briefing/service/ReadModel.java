package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.Objects;

import org.jboss.logging.Logger;
import org.sitrep.briefing.domain.Period;
import org.sitrep.briefing.messaging.ReportClassified;
import org.sitrep.briefing.persistence.ClassifiedReport;

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
 * +1 on the new one when a re-classification changes region, category or hour).
 */
@Startup // registers its meters at start, so dashboards see them before the first record
@ApplicationScoped
public class ReadModel {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);

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
        copy(c, row);
        em.flush();
        boolean moved = !Objects.equals(oldRegion, c.regionCode()) || !Objects.equals(oldCategory, c.category().name())
                || !oldHour.equals(Period.hourOf(c.occurredAt()));
        if (moved) {
            adjust(oldRegion, oldCategory, oldHour, -1);
            adjust(c.regionCode(), c.category().name(), c.occurredAt(), +1);
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
        row.incidentId = c.incidentId();
        row.modelVersion = c.modelVersion();
        row.taxonomyVersion = c.taxonomyVersion();
        row.classifiedAt = c.classifiedAt();
        row.deaths = c.deaths();
        row.injured = c.injured();
        row.updatedAt = Instant.now();
    }
}
