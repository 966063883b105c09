package org.sitrep.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends records to a real broker the way SitRep's producers do, for tests of consuming services. */
public final class CloudEventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventSender(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends a payload that must conform to the contract, as a CloudEvent with a new id; returns the id. */
    public String send(EventContracts.Contract contract, String key, String json) {
        return send(contract, contract.type, key, json);
    }

    /** The same with one of the contract's other types, e.g. an alert's lifecycle step. */
    public String send(EventContracts.Contract contract, String type, String key, String json) {
        if (!contract.types.contains(type)) {
            throw new IllegalArgumentException(type + " is not a type of " + contract);
        }
        EventContracts.assertPayload(contract, json);
        String id = UUID.randomUUID().toString();
        sendRaw(contract.topic, key, json, Map.of(
                "ce_specversion", "1.0",
                "ce_id", id,
                "ce_type", type,
                "ce_source", "/sitrep/test",
                "ce_time", Instant.now().toString(),
                "ce_subject", key,
                "content-type", "application/json"));
        return id;
    }

    /** Sends the same CloudEvent again (same id): a redelivery as an at-least-once producer may cause. */
    public void resend(EventContracts.Contract contract, String id, String key, String json) {
        sendRaw(contract.topic, key, json, Map.of(
                "ce_specversion", "1.0", "ce_id", id, "ce_type", contract.type, "ce_source", "/sitrep/test",
                "ce_time", Instant.now().toString(), "content-type", "application/json"));
    }

    /** Sends any record with the given headers, e.g. one that is not a CloudEvent at all. */
    public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
