package org.sitrep.briefing.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sitrep.briefing.service.ReadModel;
import org.sitrep.messaging.CloudEvent;
import org.sitrep.messaging.IdempotentConsumer;
import org.sitrep.messaging.PoisonEventException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the read model in step with topic {@code report-classifications}. */
@ApplicationScoped
public class ClassificationListener {

    static final String CONSUMER = "briefing-service";
    static final String TYPE = "org.sitrep.report.classified.v1";

    private final IdempotentConsumer consumer;
    private final ReadModel readModel;
    private final ObjectMapper mapper;

    public ClassificationListener(IdempotentConsumer consumer, ReadModel readModel, ObjectMapper mapper) {
        this.consumer = consumer;
        this.readModel = readModel;
        this.mapper = mapper;
    }

    @Incoming("report-classifications")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (!TYPE.equals(event.type())) {
            throw new PoisonEventException("unexpected ce_type " + event.type() + " on report-classifications");
        }
        readModel.apply(ReportClassified.parse(mapper, event.data()));
    }
}
