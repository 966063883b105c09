package org.sitrep.risk.messaging;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sitrep.messaging.Outbox;
import org.sitrep.risk.persistence.ReportClassificationEntity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Announces a stored classification on {@code report-classifications} (org.sitrep.report.classified.v1, key = report
 * id) through the outbox, in the caller's transaction. The payload is built from the stored row alone, so the first
 * classification and every later version (analyst review, re-classification, incident split or merge) look alike.
 */
@ApplicationScoped
public class ClassificationEvents {

    public static final String TOPIC = "report-classifications";
    public static final String TYPE = "org.sitrep.report.classified.v1";

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public ClassificationEvents(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** @param revision how this version came about (null for the first classification) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(ReportClassificationEntity e, Map<String, Object> revision) {
        outbox.add(TOPIC, e.reportId.toString(), TYPE, e.reportId.toString(), e.classifiedAt, payload(e, revision));
    }

    Map<String, Object> payload(ReportClassificationEntity e, Map<String, Object> revision) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("reportId", e.reportId.toString());
        p.put("version", e.version);
        p.put("unitId", e.unitId);
        p.put("regionCode", e.regionCode);
        p.put("occurredAt", e.occurredAt.toString());
        p.put("receivedAt", e.receivedAt.toString());
        p.put("title", e.title);
        p.put("summary", e.summary);
        p.put("category", e.category);
        p.put("confidence", e.confidence);
        p.put("scores", read(e.scores, new TypeReference<Map<String, Double>>() { }));
        p.put("severity", e.severity);
        p.put("evidence", read(e.evidence, new TypeReference<List<String>>() { }));
        p.put("needsReview", e.needsReview);
        p.put("modelVersion", e.modelVersion);
        p.put("taxonomyVersion", e.taxonomyVersion);
        p.put("incidentId", e.incidentId == null ? null : e.incidentId.toString());
        p.put("classifiedAt", e.classifiedAt.toString());
        if (e.deaths != null || e.injured != null) {
            Map<String, Object> casualties = new LinkedHashMap<>();
            if (e.deaths != null) {
                casualties.put("deaths", e.deaths);
            }
            if (e.injured != null) {
                casualties.put("injured", e.injured);
            }
            p.put("casualties", casualties);
        } else {
            p.put("casualties", null);
        }
        if (revision != null) {
            p.put("revision", revision);
        }
        return p;
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException ex) {
            throw new IllegalStateException("stored classification holds invalid JSON", ex);
        }
    }
}
