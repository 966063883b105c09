package org.sitrep.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.sitrep.ingest.IngestTestSupport.freshUnit;
import static org.sitrep.ingest.IngestTestSupport.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.contracts.CloudEventSender;
import org.sitrep.contracts.EventContracts;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.contracts.TopicReader;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.sitrep.infra.TestInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What report-ingest-service publishes on {@code reports} and how it takes in {@code report-classifications}. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class ReportEventsTest {

    static TopicReader reports;
    static TopicReader deadLetters;
    static CloudEventSender sender;
    final ObjectMapper mapper = new ObjectMapper();
    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @BeforeAll
    static void connect() {
        String kafka = TestInfrastructure.get().bootstrapServers();
        reports = new TopicReader(kafka, "reports");
        deadLetters = new TopicReader(kafka, "report-classifications-ingest-dlq");
        sender = new CloudEventSender(kafka);
    }

    @AfterAll
    static void disconnect() {
        reports.close();
        deadLetters.close();
        sender.close();
    }

    private static String submit(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/v1/reports").then().statusCode(202).extract().path("id");
    }

    @Test
    void acceptedReportIsPublishedOnceAsACloudEventMatchingTheContract() throws Exception {
        String unit = freshUnit();
        String json = report(unit, "\"externalId\":\"ev-1\",\"casualties\":{\"deaths\":1,\"injured\":0}");
        String id = submit(json);
        submit(json); // a retry publishes nothing new

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> reports.withKey(id), list -> !list.isEmpty()).get(0);
        EventContracts.assertRecord(Contract.REPORT_RECEIVED, record, id);
        assertThat(EventContracts.header(record, "ce_subject")).isEqualTo(id);
        assertThat(EventContracts.header(record, "ce_source")).isEqualTo("/sitrep/report-ingest-service");
        JsonNode payload = mapper.readTree(record.value());
        assertThat(payload.get("unitId").asText()).isEqualTo(unit);
        assertThat(payload.get("casualties").get("deaths").asInt()).isEqualTo(1);

        // the reader has caught up past the retry: still exactly one event for this report
        String later = submit(report(unit, "\"externalId\":\"ev-2\""));
        await().atMost(Duration.ofSeconds(30)).until(() -> !reports.withKey(later).isEmpty());
        assertThat(reports.withKey(id)).hasSize(1);
    }

    @Test
    void classificationMovesReportToClassifiedAndStaleVersionsChangeNothing() {
        String id = submit(report(freshUnit(), ""));
        sender.send(Contract.REPORT_CLASSIFIED, id, classification(id, 2, "PUBLIC_SAFETY", "III"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/reports/{id}", id).then()
                .body("status", equalTo("CLASSIFIED"))
                .body("category", equalTo("PUBLIC_SAFETY"))
                .body("severity", equalTo("III"))
                .body("classification.version", equalTo(2)));

        // an older version arrives late, then a newer one: only the newer one counts
        sender.send(Contract.REPORT_CLASSIFIED, id, classification(id, 1, "PUBLIC_ORDER", "IV"));
        sender.send(Contract.REPORT_CLASSIFIED, id, classification(id, 3, "SOCIAL_CONFLICT", "II"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/reports/{id}", id).then()
                .body("category", equalTo("SOCIAL_CONFLICT"))
                .body("classification.version", equalTo(3)));
    }

    @Test
    void classificationOfUnknownReportOrWithoutCloudEventHeadersGoesToTheDeadLetterTopic() {
        String unknown = java.util.UUID.randomUUID().toString();
        sender.send(Contract.REPORT_CLASSIFIED, unknown, classification(unknown, 1, "PUBLIC_ORDER", "IV"));
        sender.sendRaw("report-classifications", "no-headers", "{\"reportId\":\"x\"}", Map.of());
        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters.withKey(unknown), list -> !list.isEmpty()).get(0);
        assertThat(EventContracts.header(dead, "dead-letter-reason")).contains("unknown report");
        await().atMost(Duration.ofSeconds(30)).until(() -> !deadLetters.withKey("no-headers").isEmpty());

        // consumption goes on after the poison records
        String id = submit(report(freshUnit(), ""));
        sender.send(Contract.REPORT_CLASSIFIED, id, classification(id, 1, "PUBLIC_SAFETY", "IV"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/reports/{id}", id).then()
                .body("status", equalTo("CLASSIFIED")));
    }

    @Test
    void submissionsAcceptedWhileKafkaIsDownArePublishedWhenItReturns() {
        var kafka = TestInfrastructure.get().embeddedKafka();
        org.junit.jupiter.api.Assumptions.assumeTrue(kafka.isPresent(), "needs the embedded broker");
        String unit = freshUnit();
        List<String> ids;
        kafka.get().stop();
        try {
            ids = List.of(submit(report(unit, "\"externalId\":\"down-1\"")), submit(report(unit, "\"externalId\":\"down-2\"")));
            given().get("/api/v1/reports/{id}", ids.get(0)).then().statusCode(200).body("status", equalTo("RECEIVED"));
        } finally {
            kafka.get().start();
        }
        // each report's event arrives; the relay is at least once, so a batch whose acknowledgement was lost in the
        // outage may arrive twice — always as the same CloudEvent (one ce_id), which consumers apply once
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            reports.poll();
            for (String id : ids) {
                assertThat(reports.records().stream().filter(r -> id.equals(r.key()))
                        .map(r -> EventContracts.header(r, "ce_id")).distinct().count()).isEqualTo(1);
            }
        });
    }

    @Test
    void classificationArrivingWhileTheDatabaseRestartsIsAppliedOnceItIsBack() {
        var postgres = TestInfrastructure.get().embeddedPostgres();
        org.junit.jupiter.api.Assumptions.assumeTrue(postgres.isPresent(), "needs the embedded database");
        String id = submit(report(freshUnit(), ""));
        double retriesBefore = retries();
        postgres.get().stop();
        try {
            sender.send(Contract.REPORT_CLASSIFIED, id, classification(id, 1, "CYBER_SECURITY", "IV"));
            // the consumer has met the outage and is retrying, not dead-lettering
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() > retriesBefore);
        } finally {
            postgres.get().start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/reports/{id}", id).then()
                .statusCode(200)
                .body("status", equalTo("CLASSIFIED"))
                .body("category", equalTo("CYBER_SECURITY")));
        // retried, not dead-lettered
        assertThat(deadLetters.withKey(id)).isEmpty();
    }

    private double retries() {
        return metrics.counter("sitrep.consumer.retries", "consumer", "report-ingest-service").count();
    }

    private static String classification(String reportId, int version, String category, String severity) {
        Instant now = Instant.now();
        return """
                {"reportId":"%s","version":%d,"unitId":"u-test","regionCode":"610924","occurredAt":"%s","receivedAt":"%s",
                 "title":null,"summary":"滑坡","category":"%s","confidence":0.91,
                 "scores":{"POLITICAL_SECURITY":0.01,"PUBLIC_ORDER":0.02,"SOCIAL_CONFLICT":0.03,"PUBLIC_SAFETY":0.91,"CYBER_SECURITY":0.03},
                 "severity":"%s","evidence":["滑坡"],"needsReview":false,"modelVersion":"test-model","taxonomyVersion":"2026.1",
                 "incidentId":null,"classifiedAt":"%s"}""".formatted(reportId, version, now, now, category, severity, now);
    }
}
