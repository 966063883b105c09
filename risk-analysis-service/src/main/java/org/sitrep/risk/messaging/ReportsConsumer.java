package org.sitrep.risk.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sitrep.messaging.IdempotentConsumer;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Consumes {@code reports}; failures that retrying cannot fix go to {@code reports-dlq} with the reason. */
@ApplicationScoped
public class ReportsConsumer {

    static final String CONSUMER = "risk-analysis-service";

    private final IdempotentConsumer consumer;
    private final ReportClassifier classifier;

    public ReportsConsumer(IdempotentConsumer consumer, ReportClassifier classifier) {
        this.consumer = consumer;
        this.classifier = classifier;
    }

    @Incoming("reports")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, classifier::apply);
    }
}
