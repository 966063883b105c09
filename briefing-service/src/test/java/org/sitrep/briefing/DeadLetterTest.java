package org.sitrep.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.briefing.ServiceTestSupport.await;
import static org.sitrep.briefing.ServiceTestSupport.send;
import static org.sitrep.briefing.ServiceTestSupport.sender;
import static org.sitrep.briefing.ServiceTestSupport.totals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.sitrep.contracts.EventContracts;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.sitrep.infra.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class DeadLetterTest {

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndConsumptionContinues() {
        String notJson = UUID.randomUUID().toString();
        String missingField = UUID.randomUUID().toString();
        String notACloudEvent = UUID.randomUUID().toString();
        Map<String, String> ce = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", "org.sitrep.report.classified.v1", "ce_source", "/sitrep/test",
                "content-type", "application/json");
        sender().sendRaw("report-classifications", notJson, "{not json", ce);
        Map<String, String> ce2 = new java.util.HashMap<>(ce);
        ce2.put("ce_id", UUID.randomUUID().toString());
        String withoutCategory = Classifications.report().id(missingField).json().replace("\"category\"", "\"kategorie\"");
        sender().sendRaw("report-classifications", missingField, withoutCategory, ce2);
        sender().sendRaw("report-classifications", notACloudEvent, "{}", Map.of());

        Instant day = Classifications.freshWindow();
        Classifications.Builder good = Classifications.report().region("610928").at(day.plus(Duration.ofHours(6)));
        send(good);
        Instant to = day.plus(Duration.ofDays(1));
        await().untilAsserted(() -> assertThat(totals(day, to, null)).containsEntry("ALL", 1));

        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "briefing-dlq-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("report-classifications-briefing-dlq"));
            await().until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (List.of(notJson, missingField, notACloudEvent).contains(r.key())) {
                        dead.add(r);
                    }
                }
                return dead.size() == 3;
            });
        }
        ConsumerRecord<String, String> missing = dead.stream().filter(r -> r.key().equals(missingField)).findFirst()
                .orElseThrow();
        assertThat(missing.value()).isEqualTo(withoutCategory);
        assertThat(EventContracts.header(missing, "dead-letter-reason")).contains("category");
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(notJson, missingField, notACloudEvent);
    }
}
