package org.sitrep.ingest.messaging;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sitrep.ingest.persistence.ReportEntity;
import org.sitrep.messaging.CloudEvent;
import org.sitrep.messaging.IdempotentConsumer;
import org.sitrep.messaging.PoisonEventException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Moves a report from RECEIVED to CLASSIFIED when risk-analysis-service's judgement arrives. A record applies only
 * when its version is newer than the one the report holds, so redeliveries and stale records change nothing.
 */
@ApplicationScoped
public class ClassificationListener {

    static final String CONSUMER = "report-ingest-service";

    private final IdempotentConsumer consumer;
    private final ObjectMapper mapper;

    public ClassificationListener(IdempotentConsumer consumer, ObjectMapper mapper) {
        this.consumer = consumer;
        this.mapper = mapper;
    }

    /** The fields of org.sitrep.report.classified.v1 this service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportClassified(UUID reportId, Integer version, String category, String severity, Double confidence,
            Boolean needsReview, String modelVersion, Instant classifiedAt, UUID incidentId) {
    }

    @Incoming("report-classifications")
    @Blocking
    public void onClassification(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        ReportClassified c = parse(event);
        ReportEntity report = ReportEntity.findById(c.reportId());
        if (report == null) {
            throw new PoisonEventException("classification for unknown report " + c.reportId());
        }
        if (report.classificationVersion != null && report.classificationVersion >= c.version()) {
            return;
        }
        report.status = "CLASSIFIED";
        report.category = c.category();
        report.severity = c.severity();
        report.confidence = c.confidence();
        report.needsReview = c.needsReview();
        report.modelVersion = c.modelVersion();
        report.classificationVersion = c.version();
        report.classifiedAt = c.classifiedAt();
        report.incidentId = c.incidentId();
    }

    private ReportClassified parse(CloudEvent event) {
        ReportClassified c;
        try {
            c = mapper.readValue(event.data(), ReportClassified.class);
        } catch (IOException e) {
            throw new PoisonEventException("classification payload is not the expected JSON: " + e.getMessage(), e);
        }
        if (c.reportId() == null || c.version() == null || c.version() < 1 || c.category() == null || c.severity() == null) {
            throw new PoisonEventException("classification lacks reportId, version, category or severity");
        }
        return c;
    }
}
