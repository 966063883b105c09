package org.sitrep.risk.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.sitrep.messaging.CloudEvent;
import org.sitrep.risk.incident.IncidentLinker;
import org.sitrep.risk.persistence.IncidentIndex;
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

    static final int SUMMARY_LENGTH = 280;
    private static final Logger LOG = Logger.getLogger(ReportClassifier.class);

    private final RiskAnalyzer analyzer;
    private final Classifications classifications;
    private final CategoryCounts counts;
    private final ClassificationEvents events;
    private final IncidentLinker linker;
    private final IncidentIndex incidents;
    private final ObjectMapper mapper;
    /** Early warnings for the report's county and city cells, in this transaction (org.sitrep.risk.warning). */
    @jakarta.inject.Inject
    org.sitrep.risk.warning.EarlyWarnings warnings;

    public ReportClassifier(RiskAnalyzer analyzer, Classifications classifications, CategoryCounts counts,
            ClassificationEvents events, IncidentLinker linker, IncidentIndex incidents, ObjectMapper mapper) {
        this.analyzer = analyzer;
        this.classifications = classifications;
        this.counts = counts;
        this.events = events;
        this.linker = linker;
        this.incidents = incidents;
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
        e.body = report.body();
        linkIncident(e, report);
        if (!classifications.insertFirst(e)) {
            return;
        }
        counts.increment(e.regionCode, e.category, e.occurredAt);
        events.publish(e, null);
        warnings.onClassified(e.reportId, e.regionCode, e.category, e.severity, e.occurredAt, e.title, e.summary);
    }

    /** Joins the incident of the most similar earlier report nearby in place and time, or starts a new one. */
    private void linkIncident(ReportClassificationEntity e, ReportReceived report) {
        String text = report.title() == null ? report.body() : report.title() + "\n" + report.body();
        IncidentLinker.Sighting sighting = IncidentLinker.sighting(e.reportId.toString(), e.regionCode, e.occurredAt, e.category, text);
        incidents.lockArea(e.regionCode);
        IncidentLinker.Decision decision = linker.link(sighting,
                incidents.candidates(e.regionCode, e.occurredAt, linker.window()));
        e.incidentId = decision.incidentId();
        e.fingerprint = sighting.fingerprint().toBytes();
        decision.matchedReportId().ifPresent(matched -> LOG.debugf("report %s joins incident %s of report %s (score %.2f)",
                e.reportId, decision.incidentId(), matched, decision.score()));
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

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
