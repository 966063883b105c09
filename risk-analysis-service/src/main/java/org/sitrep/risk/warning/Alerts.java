package org.sitrep.risk.warning;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.sitrep.messaging.Outbox;
import org.sitrep.regions.Region;
import org.sitrep.regions.RegionCatalogue;
import org.sitrep.risk.warning.AlertEntity.Kind;
import org.sitrep.risk.warning.AlertEntity.Status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The alert lifecycle. Every step changes the row, records the version in {@code risk_alert_history} and adds the
 * matching {@code risk-alerts} event to the outbox, all in the caller's transaction. Steps on one (region, category,
 * kind) are serialised by a transaction-scoped advisory lock, so concurrent consumers cannot open two alerts.
 */
@ApplicationScoped
public class Alerts {

    public static final String TOPIC = "risk-alerts";

    /** A statistical signal for one cell and day. */
    public record Signal(Kind kind, Region region, String category, LocalDate day, long observed, double expected,
            Double pValue, Double cusum, String severity, String headline, String description, List<UUID> reportIds) {
    }

    /** Result of an acknowledgement request. */
    public enum AckOutcome { ACKNOWLEDGED, NOT_FOUND, CLOSED, ALREADY_ACKNOWLEDGED }

    private final EntityManager em;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final WarningConfig config;
    private final RegionCatalogue regions;

    public Alerts(EntityManager em, Outbox outbox, ObjectMapper mapper, WarningConfig config, RegionCatalogue regions) {
        this.regions = regions;
        this.em = em;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
    }

    /** Raises an alert for the signal, or updates the open one when the signal brings something new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertEntity> signal(Signal s, Instant now) {
        lock(s.region().code(), s.category(), s.kind());
        Optional<AlertEntity> open = findOpen(s.region().code(), s.category(), s.kind());
        if (open.isEmpty()) {
            AlertEntity a = new AlertEntity();
            a.id = UUID.randomUUID();
            a.version = 1;
            a.status = Status.RAISED.name();
            a.kind = s.kind().name();
            a.regionCode = s.region().code();
            a.regionLevel = s.region().level().name();
            a.category = s.category();
            a.raisedAt = now;
            apply(a, s);
            a.updatedAt = now;
            a.expiresAt = now.plus(config.expiry());
            em.persist(a);
            em.flush();
            publish(a);
            return Optional.of(a);
        }
        AlertEntity a = open.get();
        if (a.day != null && s.day() != null && s.day().isBefore(a.day)) {
            return Optional.empty();  // an older day than the alert already covers
        }
        Set<UUID> known = new LinkedHashSet<>(reportIds(a));
        boolean newDay = a.day == null || s.day() == null || s.day().isAfter(a.day);
        boolean grew = a.observed == null || s.observed() > a.observed;
        boolean escalated = higher(s.severity(), a.severity);
        boolean newEvidence = !known.containsAll(s.reportIds());
        if (!(newDay || grew || escalated || newEvidence)) {
            return Optional.empty();
        }
        String keepSeverity = escalated ? s.severity() : a.severity;
        apply(a, s);
        if (!newDay) {
            a.severity = keepSeverity;
            known.addAll(s.reportIds());
            a.reportIds = json(new ArrayList<>(known));
        }
        step(a, Status.UPDATED, now);
        return Optional.of(a);
    }

    /**
     * A grade I or II report: raises a SEVERE_REPORT alert, or adds the report to the open one (escalating it when the
     * grade is higher, also when a report already in it was re-graded up).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AlertEntity severeReport(Region region, String category, String grade, UUID reportId, LocalDate day,
            String headline, String description, Instant now) {
        lock(region.code(), category, Kind.SEVERE_REPORT);
        Optional<AlertEntity> open = findOpen(region.code(), category, Kind.SEVERE_REPORT);
        if (open.isEmpty()) {
            AlertEntity a = new AlertEntity();
            a.id = UUID.randomUUID();
            a.version = 1;
            a.status = Status.RAISED.name();
            a.kind = Kind.SEVERE_REPORT.name();
            a.regionCode = region.code();
            a.regionLevel = region.level().name();
            a.category = category;
            a.severity = grade;
            a.day = day;
            a.observed = 1L;
            a.headline = headline;
            a.description = description;
            a.reportIds = json(List.of(reportId));
            a.raisedAt = now;
            a.updatedAt = now;
            a.expiresAt = now.plus(config.expiry());
            em.persist(a);
            em.flush();
            publish(a);
            return a;
        }
        AlertEntity a = open.get();
        List<UUID> ids = new ArrayList<>(reportIds(a));
        boolean known = ids.contains(reportId);
        if (known && !higher(grade, a.severity)) {
            return a;
        }
        if (!known) {
            ids.add(reportId);
            a.reportIds = json(ids);
            a.observed = (long) ids.size();
        }
        if (higher(grade, a.severity)) {
            a.severity = grade;
            a.headline = headline;
        }
        a.description = description;
        if (day != null && (a.day == null || day.isAfter(a.day))) {
            a.day = day;
        }
        step(a, Status.UPDATED, now);
        return a;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AckOutcome acknowledge(UUID id, String by, String note, Instant now) {
        AlertEntity a = em.find(AlertEntity.class, id);
        if (a == null) {
            return AckOutcome.NOT_FOUND;
        }
        lock(a.regionCode, a.category, Kind.valueOf(a.kind));
        em.refresh(a);
        if (!a.statusValue().open()) {
            return AckOutcome.CLOSED;
        }
        if (a.statusValue() == Status.ACKNOWLEDGED) {
            return AckOutcome.ALREADY_ACKNOWLEDGED;
        }
        a.acknowledgedAt = now;
        a.acknowledgedBy = by;
        a.acknowledgementNote = note;
        step(a, Status.ACKNOWLEDGED, now);
        return AckOutcome.ACKNOWLEDGED;
    }

    /** Closes an open alert as RESOLVED or EXPIRED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean close(UUID id, Status status, Instant now) {
        AlertEntity a = em.find(AlertEntity.class, id);
        if (a == null) {
            return false;
        }
        lock(a.regionCode, a.category, Kind.valueOf(a.kind));
        em.refresh(a);
        if (!a.statusValue().open()) {
            return false;
        }
        a.resolvedAt = now;
        step(a, status, now);
        return true;
    }

    public Optional<AlertEntity> findOpen(String regionCode, String category, Kind kind) {
        return em.createQuery("select a from AlertEntity a where a.regionCode = :r and a.category = :c and a.kind = :k "
                        + "and a.status in ('RAISED', 'UPDATED', 'ACKNOWLEDGED')", AlertEntity.class)
                .setParameter("r", regionCode).setParameter("c", category).setParameter("k", kind.name())
                .getResultStream().findFirst();
    }

    public List<AlertEntity> open() {
        return em.createQuery("select a from AlertEntity a where a.status in ('RAISED', 'UPDATED', 'ACKNOWLEDGED') "
                + "order by a.updatedAt", AlertEntity.class).getResultList();
    }

    /** The published payloads of every version, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> history(UUID id) {
        List<Object> rows = em.createNativeQuery("select payload from risk_alert_history where alert_id = ?1 order by version")
                .setParameter(1, id).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object row : rows) {
            try {
                out.add(mapper.readValue(row.toString(), new TypeReference<Map<String, Object>>() { }));
            } catch (IOException e) {
                throw new IllegalStateException("stored alert version holds invalid JSON", e);
            }
        }
        return out;
    }

    public List<UUID> reportIds(AlertEntity a) {
        try {
            return mapper.readValue(a.reportIds, new TypeReference<List<UUID>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("stored alert holds invalid report ids", e);
        }
    }

    /** The event payload: the whole alert as it is now (docs/events/risk-alert.v1.schema.json). */
    public Map<String, Object> payload(AlertEntity a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alertId", a.id.toString());
        p.put("version", a.version);
        p.put("status", a.status);
        p.put("kind", a.kind);
        p.put("regionCode", a.regionCode);
        p.put("regionName", regions.find(a.regionCode).map(Region::name).orElse(null));
        p.put("regionLevel", a.regionLevel);
        p.put("category", a.category);
        p.put("severity", a.severity);
        p.put("day", a.day == null ? null : a.day.toString());
        p.put("observed", a.observed);
        p.put("expected", a.expected);
        p.put("pValue", a.pValue);
        p.put("cusum", a.cusum);
        p.put("headline", a.headline);
        p.put("description", a.description);
        p.put("reportIds", reportIds(a).stream().map(UUID::toString).toList());
        p.put("raisedAt", a.raisedAt.toString());
        p.put("updatedAt", a.updatedAt.toString());
        p.put("expiresAt", a.expiresAt.toString());
        p.put("acknowledgedAt", a.acknowledgedAt == null ? null : a.acknowledgedAt.toString());
        p.put("acknowledgedBy", a.acknowledgedBy);
        p.put("resolvedAt", a.resolvedAt == null ? null : a.resolvedAt.toString());
        return p;
    }

    private void apply(AlertEntity a, Signal s) {
        a.severity = s.severity();
        a.day = s.day();
        a.observed = s.observed();
        a.expected = s.expected();
        a.pValue = s.pValue();
        a.cusum = s.cusum();
        a.headline = s.headline();
        a.description = s.description();
        a.reportIds = json(s.reportIds());
    }

    private void step(AlertEntity a, Status status, Instant now) {
        a.version++;
        a.status = status.name();
        a.updatedAt = now;
        if (status.open()) {
            a.expiresAt = now.plus(config.expiry());
        }
        em.flush();
        publish(a);
    }

    private void publish(AlertEntity a) {
        Map<String, Object> payload = payload(a);
        em.createNativeQuery("insert into risk_alert_history (alert_id, version, status, payload, recorded_at) "
                        + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, a.id).setParameter(2, a.version).setParameter(3, a.status)
                .setParameter(4, json(payload)).setParameter(5, java.sql.Timestamp.from(a.updatedAt)).executeUpdate();
        outbox.add(TOPIC, a.regionCode, a.statusValue().ceType(), a.id.toString(), a.updatedAt, payload);
    }

    private void lock(String regionCode, String category, Kind kind) {
        long key = ((long) (regionCode + "|" + category + "|" + kind).hashCode() << 16) ^ 0x51A7L;
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l").setParameter(1, key).getSingleResult();
    }

    /** True when grade a is more severe than grade b (I most severe). */
    static boolean higher(String a, String b) {
        return b == null || (a != null && rank(a) < rank(b));
    }

    private static int rank(String grade) {
        return switch (grade) {
            case "I" -> 1;
            case "II" -> 2;
            case "III" -> 3;
            default -> 4;
        };
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
