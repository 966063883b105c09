package org.sitrep.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a group of its own, for tests that check what a service really published.
 * Call {@link #poll()} from an Awaitility condition; everything read so far stays in {@link #records()}.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Reads what arrived since the last call; returns everything read so far. */
    public List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return List.copyOf(records);
    }

    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    /** Polls once and returns the records with this key read so far. */
    public List<ConsumerRecord<String, String>> withKey(String key) {
        return poll().stream().filter(r -> key.equals(r.key())).toList();
    }

    public Optional<ConsumerRecord<String, String>> first(Predicate<ConsumerRecord<String, String>> condition) {
        return poll().stream().filter(condition).findFirst();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
