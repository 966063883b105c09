package org.sitrep.risk.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class ReportsFlowTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);
    static CloudEventSender sender;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void sender() {
        sender = new CloudEventSender(TestInfrastructure.get().bootstrapServers());
    }

    @AfterAll
    static void close() {
        sender.close();
    }

    /** A conforming ReportReceived payload at a random past hour, so count cells are not shared between tests. */
    static ObjectNode report(String reportId, String regionCode, Instant occurredAt, String title, String body) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reportId", reportId);
        n.put("unitId", "ziyang-yjj");
        n.put("regionCode", regionCode);
        n.put("occurredAt", occurredAt.toString());
        n.put("receivedAt", occurredAt.plusSeconds(900).toString());
        n.put("title", title);
        n.put("body", body);
        n.put("someFutureField", "ignored by a tolerant reader");
        return n;
    }

    static Instant randomPastInstant() {
        long hours = ThreadLocalRandom.current().nextLong(1, 24 * 365 * 20);
        return Instant.parse("2000-01-01T00:00:00Z").plus(hours, ChronoUnit.HOURS).plusSeconds(1234);
    }

    @Test
    void aReportIsClassifiedCountedOncePublishedOnceAndDuplicatesChangeNothing() throws Exception {
        String reportId = UUID.randomUUID().toString();
        Instant occurredAt = randomPastInstant();
        Instant hour = occurredAt.truncatedTo(ChronoUnit.HOURS);
        String json = report(reportId, "610924", occurredAt, "紫阳县某镇发生山体滑坡",
                "据紫阳县应急管理局报告，受连续强降雨影响，某镇一村组发生山体滑坡，掩埋民房两间，造成3人死亡、5人受伤，已转移群众120人。目前救援工作正在进行，后续情况续报。")
                .toString();
        assertThat(countsAt("610924", hour)).isEmpty();

        try (TopicReader consumer = new TopicReader(TestInfrastructure.get().bootstrapServers(), "report-classifications")) {
            String ceId = sender.send(Contract.REPORT_RECEIVED, reportId, json);

            ConsumerRecord<String, String> record = awaitRecord(consumer, reportId);
            EventContracts.assertRecord(Contract.REPORT_CLASSIFIED, record, reportId);
            JsonNode payload = MAPPER.readTree(record.value());
            assertThat(payload.get("reportId").asText()).isEqualTo(reportId);
            assertThat(payload.get("version").asInt()).isEqualTo(1);
            assertThat(payload.get("category").asText()).isEqualTo("PUBLIC_SAFETY");
            assertThat(payload.get("severity").asText()).isEqualTo("III");
            assertThat(payload.get("regionCode").asText()).isEqualTo("610924");
            assertThat(payload.get("summary").asText()).startsWith("据紫阳县应急管理局报告");
            assertThat(java.util.UUID.fromString(payload.get("incidentId").asText())).isNotNull(); // every report belongs to an incident
            assertThat(EventContracts.header(record, "ce_source")).isEqualTo("/sitrep/risk-analysis-service");

            List<Map<String, Object>> cells = countsAt("610924", hour);
            assertThat(cells).singleElement().satisfies(c -> {
                assertThat(c.get("category")).isEqualTo("PUBLIC_SAFETY");
                assertThat(((Number) c.get("count")).longValue()).isEqualTo(1L);
            });

            // the same event again (redelivery) and a new event for the same report
            sender.resend(Contract.REPORT_RECEIVED, ceId, reportId, json);
            String secondId = sender.send(Contract.REPORT_RECEIVED, reportId, json);
            // both are on the report's partition, in this order: once the second is recorded, both were handled
            await().atMost(WAIT).until(() -> processed(secondId));

            assertThat(countsAt("610924", hour)).singleElement()
                    .satisfies(c -> assertThat(((Number) c.get("count")).longValue()).isEqualTo(1L));
            assertThat(outboxRows(reportId)).isEqualTo(1);
            assertThat(classificationVersions(reportId)).containsExactly(1);
        }
    }

    @Test
    void anEnglishReportIsClassifiedWithItsStructuredCasualties() throws Exception {
        String reportId = UUID.randomUUID().toString();
        ObjectNode n = report(reportId, "610702", randomPastInstant(), "Ransomware at county hospital",
                "The county people's hospital reported that its information system and lab servers were encrypted by ransomware overnight; "
                        + "registration runs on paper. No patient data exfiltration confirmed yet.");
        n.putObject("casualties").put("deaths", 0).put("injured", 0);
        try (TopicReader consumer = new TopicReader(TestInfrastructure.get().bootstrapServers(), "report-classifications")) {
            sender.send(Contract.REPORT_RECEIVED, reportId, n.toString());
            ConsumerRecord<String, String> record = awaitRecord(consumer, reportId);
            EventContracts.assertRecord(Contract.REPORT_CLASSIFIED, record, reportId);
            JsonNode payload = MAPPER.readTree(record.value());
            assertThat(payload.get("category").asText()).isEqualTo("CYBER_SECURITY");
            assertThat(payload.get("severity").asText()).isEqualTo("III");
            assertThat(payload.get("casualties").get("deaths").asInt()).isZero();
        }
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
        String poisonKey = UUID.randomUUID().toString();
        try (TopicReader dlq = new TopicReader(TestInfrastructure.get().bootstrapServers(), "reports-dlq");
             TopicReader out = new TopicReader(TestInfrastructure.get().bootstrapServers(), "report-classifications")) {
            sender.sendRaw("reports", poisonKey, "{\"hello\": \"not a cloud event\"}", Map.of());
            ConsumerRecord<String, String> dead = awaitRecord(dlq, poisonKey);
            assertThat(header(dead, "dead-letter-reason")).isNotBlank();

            String reportId = UUID.randomUUID().toString();
            sender.send(Contract.REPORT_RECEIVED, reportId, report(reportId, "610902", randomPastInstant(), null,
                    "汉滨区某小区业主三十余人聚集在售楼部门前，反映房屋逾期一年未交付，要求开发商给出说法。").toString());
            assertThat(awaitRecord(out, reportId).key()).isEqualTo(reportId);
        }
    }

    @Test
    void aPayloadWithoutBodyGoesToTheDeadLetterTopicWithTheReason() throws Exception {
        String reportId = UUID.randomUUID().toString();
        ObjectNode n = report(reportId, "610902", randomPastInstant(), "no body", "x");
        n.remove("body");
        try (TopicReader dlq = new TopicReader(TestInfrastructure.get().bootstrapServers(), "reports-dlq");
             TopicReader out = new TopicReader(TestInfrastructure.get().bootstrapServers(), "report-classifications")) {
            sender.sendRaw("reports", reportId, n.toString(), Map.of(
                    "ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                    "ce_type", Contract.REPORT_RECEIVED.type, "ce_source", "/sitrep/test",
                    "ce_time", Instant.now().toString(), "content-type", "application/json"));
            ConsumerRecord<String, String> dead = awaitRecord(dlq, reportId);
            assertThat(header(dead, "dead-letter-reason")).contains("body");

            String next = UUID.randomUUID().toString();
            sender.send(Contract.REPORT_RECEIVED, next, report(next, "610902", randomPastInstant(), null,
                    "Police detained two suspects who stole copper cable from a construction site in Hanbin district.").toString());
            assertThat(awaitRecord(out, next).key()).isEqualTo(next);
            assertThat(classificationVersions(reportId)).isEmpty();
        }
    }

    @Test
    void countsCanBeFilteredByAncestorRegion() throws Exception {
        String reportId = UUID.randomUUID().toString();
        Instant occurredAt = randomPastInstant();
        try (TopicReader out = new TopicReader(TestInfrastructure.get().bootstrapServers(), "report-classifications")) {
            sender.send(Contract.REPORT_RECEIVED, reportId, report(reportId, "610926", occurredAt, null,
                    "平利县某建筑工地发生脚手架坍塌事故，2名工人受伤送医。").toString());
            awaitRecord(out, reportId);
        }
        Instant hour = occurredAt.truncatedTo(ChronoUnit.HOURS);
        Response r = given().queryParam("from", hour.toString()).queryParam("to", hour.plusSeconds(3600).toString())
                .queryParam("regionCode", "610900").get("/api/v1/counts");
        assertThat(r.statusCode()).isEqualTo(200);
        List<Map<String, Object>> rows = r.jsonPath().getList("$");
        assertThat(rows).anySatisfy(c -> {
            assertThat(c.get("regionCode")).isEqualTo("610926");
            assertThat(c.get("hour")).isEqualTo(hour.toString());
        });
        List<Map<String, Object>> other = given().queryParam("from", hour.toString())
                .queryParam("to", hour.plusSeconds(3600).toString()).queryParam("regionCode", "610700")
                .get("/api/v1/counts").jsonPath().getList("$");
        assertThat(other).noneSatisfy(c -> assertThat(c.get("regionCode")).isEqualTo("610926"));
    }

    // ---- helpers ----

    static List<Map<String, Object>> countsAt(String region, Instant hour) {
        Response r = given().queryParam("from", hour.toString()).queryParam("to", hour.plusSeconds(3600).toString())
                .queryParam("regionCode", region).get("/api/v1/counts");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.jsonPath().getList("$");
    }

    static ConsumerRecord<String, String> awaitRecord(TopicReader reader, String key) {
        return await().atMost(WAIT).until(() -> reader.withKey(key), found -> !found.isEmpty()).get(0);
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    boolean processed(String eventId) throws SQLException {
        return queryInt("select count(*) from processed_event where consumer = 'risk-analysis-service' and event_id = ?",
                eventId).orElse(0) == 1;
    }

    int outboxRows(String reportId) throws SQLException {
        return queryInt("select count(*) from outbox_event where topic = 'report-classifications' and record_key = ?",
                reportId).orElse(0);
    }

    List<Integer> classificationVersions(String reportId) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select version from report_classification where report_id = ?")) {
            ps.setObject(1, UUID.fromString(reportId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    private Optional<Integer> queryInt(String sql, String param) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }
}
