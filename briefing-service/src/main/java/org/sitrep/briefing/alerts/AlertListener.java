package org.sitrep.briefing.alerts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sitrep.briefing.alerts.RiskAlert.AlertStatus;
import org.sitrep.messaging.CloudEvent;
import org.sitrep.messaging.IdempotentConsumer;
import org.sitrep.messaging.PoisonEventException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps table {@code alert} in step with topic {@code risk-alerts} (key = region code). */
@ApplicationScoped
public class AlertListener {

    static final String CONSUMER = "briefing-service";

    private final IdempotentConsumer consumer;
    private final AlertStore store;
    private final ObjectMapper mapper;

    public AlertListener(IdempotentConsumer consumer, AlertStore store, ObjectMapper mapper) {
        this.consumer = consumer;
        this.store = store;
        this.mapper = mapper;
    }

    @Incoming("risk-alerts")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.apply(CONSUMER, record, this::apply);
    }

    void apply(CloudEvent event) {
        if (AlertStatus.ofCeType(event.type()).isEmpty()) {
            throw new PoisonEventException("unexpected ce_type " + event.type() + " on risk-alerts");
        }
        RiskAlert alert = RiskAlert.parse(mapper, event.data());
        store.apply(alert);
    }
}
