package org.sitrep.messaging;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies an incoming CloudEvent exactly once: in one transaction it records the event id in the processed-event log
 * and runs the handler; a redelivered event is skipped. When the database is away the transaction is retried with
 * back-off until it succeeds, so the record is neither lost nor dead-lettered for an outage; the Kafka offset is
 * committed only after this returns. Poison records and other permanent failures are rethrown for the channel's
 * dead-letter strategy.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ProcessedEvents processed;
    private final MeterRegistry metrics;

    public IdempotentConsumer(ProcessedEvents processed, MeterRegistry metrics) {
        this.processed = processed;
        this.metrics = metrics;
    }

    /** @return true when the event was applied now, false when it had been applied before */
    public boolean apply(String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> handler) {
        CloudEvent event = CloudEvent.of(record);
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.firstDelivery(consumer, event.id())) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                metrics.counter("sitrep.consumer.retries", "consumer", consumer).increment();
                LOG.warnf("%s: event %s not applied (attempt %d), retrying in %d ms: %s", consumer, event.id(), attempt,
                        backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
