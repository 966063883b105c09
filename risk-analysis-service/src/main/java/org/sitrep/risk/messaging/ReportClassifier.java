package org.sitrep.risk.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.sitrep.messaging.CloudEvent;
import org.sitrep.messaging.Outbox;
import org.sitrep.risk.classification.Category;
import org.sitrep.risk.classification.Classification;
import org.sitrep.risk.persistence.CategoryCounts;
import org.sitrep.risk.persistence.Classifications;
import org.sitrep.risk.persistence.ReportClassificationEntity;
import org.sitrep.risk.service.Analysis;
import org.sitrep.risk.service.RiskAnalyzer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies one ReportReceived event, inside the transaction {@code IdempotentConsumer} opened: classify and grade,
 * store the classification (version 1), count it, and record the ReportClassified event in the outbox. A report
 * already classified is left as it is, whatever the event id.
 */
@ApplicationScoped
public class ReportClassifier {

    public static final String TOPIC = "report-classifications";
    public static final String TYPE = "org.sitrep.report.classified.v1";
    static final int SUMMARY_LENGTH = 280;
    private static final Logger LOG = Logger.getLogger(ReportClassifier.class);

    private final RiskAnalyzer analyzer;
    private final Classifications classifications;
    private final CategoryCounts counts;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public ReportClassifier(RiskAnalyzer analyzer, Classifications classifications, CategoryCounts counts, Outbox outbox,
            ObjectMapper mapper) {
        this.analyzer = analyzer;
        this.classifications = classifications;
        this.counts = counts;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void apply(CloudEvent event) {
        ReportReceived report = ReportReceived.parse(mapper, event.data());
        if (classifications.find(report.reportId()).isPresent()) {
            LOG.debugf("report %s already classified; event %s ignored", report.reportId(), event.id());
            return;
        }
        Analysis analysis = analyzer.analyze(report.title(), report.body(), report.casualties());
        Classification c = analysis.classification();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        ReportClassificationEntity e = new ReportClassificationEntity();
        e.reportId = report.reportId();
        e.version = 1;
        e.unitId = report.unitId();
        e.regionCode = report.regionCode();
        e.occurredAt = report.occurredAt();
        e.receivedAt = report.receivedAt();
        e.title = report.title();
        e.summary = summary(report.body());
        e.category = c.category().name();
        e.confidence = c.confidence();
        e.scores = json(c.scores());
        e.severity = analysis.severity().grade().name();
        e.severityReasons = json(analysis.severity().reasons());
        e.evidence = json(c.evidence());
        e.needsReview = c.needsReview();
        e.modelVersion = c.modelVersion();
        e.taxonomyVersion = c.taxonomyVersion();
        e.deaths = report.casualties() == null ? null : report.casualties().deaths();
        e.injured = report.casualties() == null ? null : report.casualties().injured();
        e.classifiedAt = now;
        if (!classifications.insertFirst(e)) {
            return;
        }
        counts.increment(e.regionCode, e.category, e.occurredAt);
        outbox.add(TOPIC, e.reportId.toString(), TYPE, e.reportId.toString(), now, payload(e, c.scores(), report));
    }

    static String summary(String body) {
        if (body.length() <= SUMMARY_LENGTH) {
            return body;
        }
        int end = SUMMARY_LENGTH;
        if (Character.isHighSurrogate(body.charAt(end - 1))) {
            end--;
        }
        return body.substring(0, end);
    }

    private Map<String, Object> payload(ReportClassificationEntity e, Map<Category, Double> scores, ReportReceived r) {
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
        Map<String, Double> s = new LinkedHashMap<>();
        scores.forEach((k, v) -> s.put(k.name(), v));
        p.put("scores", s);
        p.put("severity", e.severity);
        p.put("evidence", readList(e.evidence));
        p.put("needsReview", e.needsReview);
        p.put("modelVersion", e.modelVersion);
        p.put("taxonomyVersion", e.taxonomyVersion);
        p.put("incidentId", null);
        p.put("classifiedAt", e.classifiedAt.toString());
        if (r.casualties() != null) {
            Map<String, Object> cas = new LinkedHashMap<>();
            if (r.casualties().deaths() != null) {
                cas.put("deaths", r.casualties().deaths());
            }
            if (r.casualties().injured() != null) {
                cas.put("injured", r.casualties().injured());
            }
            p.put("casualties", cas);
        } else {
            p.put("casualties", null);
        }
        return p;
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private java.util.List<?> readList(String json) {
        try {
            return mapper.readValue(json, java.util.List.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
