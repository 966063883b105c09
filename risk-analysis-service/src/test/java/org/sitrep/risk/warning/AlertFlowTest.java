package org.sitrep.risk.warning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Reports in, alerts out: each test uses a random county and a random past office day, so the count cells it fills
 * are its own; the evaluation is called directly with a chosen clock.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class AlertFlowTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");
    static final List<String> COUNTIES = List.of("610921", "610922", "610923", "610924", "610925", "610926", "610927",
            "610929", "611021", "611022", "611023", "611024", "611025", "611026", "610722", "610723", "610724", "610725");
    static final String SAFETY_TEXT = "镇上一处在建楼盘工地脚手架发生坍塌，两名工人受轻伤送医，现场已封闭，安监部门正在调查原因。";
    static final String GRADE_II_TEXT = "国道上一辆大客车与货车相撞后翻入河道，造成12人死亡、20人受伤，伤者已送往县医院救治。";
    static Schema capSchema;
    static CloudEventSender sender;

    @Inject
    EarlyWarnings warnings;
    @Inject
    javax.sql.DataSource dataSource;

    @BeforeAll
    static void setUp() throws Exception {
        sender = new CloudEventSender(TestInfrastructure.get().bootstrapServers());
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        capSchema = f.newSchema(AlertFlowTest.class.getResource("/cap/cap-1.2-subset.xsd"));
    }

    @AfterAll
    static void close() {
        sender.close();
    }

    @Test
    void theTestTextsClassifyAsTheTestsAssume() {
        Response safety = given().contentType(ContentType.JSON).body(Map.of("body", SAFETY_TEXT)).post("/api/v1/classify");
        assertThat(safety.jsonPath().getString("category")).isEqualTo("PUBLIC_SAFETY");
        assertThat(safety.jsonPath().getString("severity")).isIn("III", "IV");
        Response severe = given().contentType(ContentType.JSON).body(Map.of("body", GRADE_II_TEXT)).post("/api/v1/classify");
        assertThat(severe.jsonPath().getString("category")).isEqualTo("PUBLIC_SAFETY");
        assertThat(severe.jsonPath().getString("severity")).isEqualTo("II");
    }

    @Test
    void manyReportsOnOneDayAfterAQuietBaselineRaiseASpikeThatUpdatesIsAcknowledgedAndResolves() throws Exception {
        String county = randomCounty();
        String city = county.substring(0, 4) + "00";
        LocalDate day = randomPastDay();
        try (TopicReader alertsOut = new TopicReader(TestInfrastructure.get().bootstrapServers(), "risk-alerts")) {
            // a quiet baseline: two reports in the week before (days t−8 and t−5)
            List<String> ids = new ArrayList<>();
            ids.add(sendReport(county, at(day.minusDays(8), 9), SAFETY_TEXT));
            ids.add(sendReport(county, at(day.minusDays(5), 15), SAFETY_TEXT));
            for (int i = 0; i < 5; i++) {
                ids.add(sendReport(county, at(day, 8 + i), SAFETY_TEXT));
            }
            await().atMost(WAIT).until(() -> classified(ids));

            ConsumerRecord<String, String> raised = awaitRecord(alertsOut, county,
                    p -> p.get("kind").asText().equals("SPIKE") && p.get("status").asText().equals("RAISED"));
            EventContracts.assertRecord(Contract.RISK_ALERT, raised, county);
            assertThat(EventContracts.header(raised, "ce_type")).isEqualTo("org.sitrep.alert.raised.v1");
            JsonNode first = MAPPER.readTree(raised.value());
            String alertId = first.get("alertId").asText();
            assertThat(first.get("version").asInt()).isEqualTo(1);
            assertThat(first.get("regionLevel").asText()).isEqualTo("COUNTY");
            assertThat(first.get("category").asText()).isEqualTo("PUBLIC_SAFETY");
            assertThat(first.get("day").asText()).isEqualTo(day.toString());
            assertThat(first.get("observed").asLong()).isEqualTo(5);
            assertThat(first.get("expected").asDouble()).isCloseTo(2.0 / 7, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(first.get("pValue").asDouble()).isLessThan(6e-4);
            assertThat(first.get("headline").asText()).contains("公共安全类报告异常增多").contains("5 起").contains("基线 0.3 起");
            assertThat(first.get("reportIds")).hasSize(5);
            // the city rolls its counties up and alarms too
            awaitRecord(alertsOut, city, p -> p.get("kind").asText().equals("SPIKE")
                    && p.get("regionLevel").asText().equals("CITY") && p.get("day").asText().equals(day.toString()));
            validateCap(alertId, "Alert");

            // more reports the same day: the open alert is updated, not duplicated
            List<String> more = List.of(sendReport(county, at(day, 14), SAFETY_TEXT),
                    sendReport(county, at(day, 16), SAFETY_TEXT));
            await().atMost(WAIT).until(() -> classified(more));
            ConsumerRecord<String, String> updated = awaitRecord(alertsOut, county,
                    p -> p.get("alertId").asText().equals(alertId) && p.get("observed").asLong() == 7);
            EventContracts.assertRecord(Contract.RISK_ALERT, updated, county);
            assertThat(EventContracts.header(updated, "ce_type")).isEqualTo("org.sitrep.alert.updated.v1");
            assertThat(MAPPER.readTree(updated.value()).get("version").asInt()).isGreaterThan(1);
            List<Map<String, Object>> open = given().queryParam("regionCode", county).queryParam("category", "PUBLIC_SAFETY")
                    .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(open).filteredOn(a -> a.get("kind").equals("SPIKE")).singleElement()
                    .satisfies(a -> assertThat(a.get("alertId")).isEqualTo(alertId));
            validateCap(alertId, "Update");

            // a duty officer acknowledges it
            Response ack = given().contentType(ContentType.JSON).body(Map.of("by", "值班员王磊", "note", "已通知县应急局核实"))
                    .post("/api/v1/alerts/" + alertId + "/acknowledgement");
            assertThat(ack.statusCode()).as(ack.asString()).isEqualTo(200);
            assertThat(ack.jsonPath().getString("status")).isEqualTo("ACKNOWLEDGED");
            assertThat(ack.jsonPath().getString("acknowledgedBy")).isEqualTo("值班员王磊");
            ConsumerRecord<String, String> acked = awaitRecord(alertsOut, county,
                    p -> p.get("alertId").asText().equals(alertId) && p.get("status").asText().equals("ACKNOWLEDGED"));
            EventContracts.assertRecord(Contract.RISK_ALERT, acked, county);
            assertThat(EventContracts.header(acked, "ce_type")).isEqualTo("org.sitrep.alert.acknowledged.v1");
            Response again = given().contentType(ContentType.JSON).body(Map.of("by", "值班员王磊"))
                    .post("/api/v1/alerts/" + alertId + "/acknowledgement");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");

            // two days later the day after is quiet: the scheduled evaluation resolves it
            EarlyWarnings.Summary summary = warnings.evaluate(at(day.plusDays(2), 1));
            assertThat(summary.resolved()).isGreaterThanOrEqualTo(1);
            ConsumerRecord<String, String> resolved = awaitRecord(alertsOut, county,
                    p -> p.get("alertId").asText().equals(alertId) && p.get("status").asText().equals("RESOLVED"));
            EventContracts.assertRecord(Contract.RISK_ALERT, resolved, county);
            assertThat(EventContracts.header(resolved, "ce_type")).isEqualTo("org.sitrep.alert.resolved.v1");
            assertThat(MAPPER.readTree(resolved.value()).get("resolvedAt").isNull()).isFalse();
            validateCap(alertId, "Cancel");

            Response closed = given().contentType(ContentType.JSON).body(Map.of("by", "值班员王磊"))
                    .post("/api/v1/alerts/" + alertId + "/acknowledgement");
            assertThat(closed.statusCode()).isEqualTo(409);
            List<Map<String, Object>> resolvedList = given().queryParam("status", "RESOLVED").queryParam("regionCode", city)
                    .get("/api/v1/alerts").jsonPath().getList("$");
            assertThat(resolvedList).anySatisfy(a -> assertThat(a.get("alertId")).isEqualTo(alertId));
            List<Map<String, Object>> active = given().queryParam("regionCode", county).get("/api/v1/alerts").jsonPath().getList("$");
            assertThat(active).noneSatisfy(a -> assertThat(a.get("alertId")).isEqualTo(alertId));
        }
    }

    @Test
    void aGradeTwoReportRaisesASevereReportAlertAtOnceASecondUpdatesItAndItExpires() throws Exception {
        // a severe-report alert stays open whatever day its reports tell of: start from a county without one (other
        // test classes share the database and leave theirs open)
        String county = COUNTIES.stream().filter(c -> given().queryParam("regionCode", c).get("/api/v1/alerts").jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .noneMatch(a -> "SEVERE_REPORT".equals(a.get("kind")) && "PUBLIC_SAFETY".equals(a.get("category"))))
                .findFirst().orElseThrow();
        LocalDate day = randomPastDay();
        try (TopicReader alertsOut = new TopicReader(TestInfrastructure.get().bootstrapServers(), "risk-alerts")) {
            String firstReport = sendReport(county, at(day, 10), GRADE_II_TEXT);
            ConsumerRecord<String, String> raised = awaitRecord(alertsOut, county,
                    p -> p.get("kind").asText().equals("SEVERE_REPORT") && p.get("reportIds").toString().contains(firstReport));
            EventContracts.assertRecord(Contract.RISK_ALERT, raised, county);
            assertThat(EventContracts.header(raised, "ce_type")).isEqualTo("org.sitrep.alert.raised.v1");
            JsonNode p1 = MAPPER.readTree(raised.value());
            String alertId = p1.get("alertId").asText();
            assertThat(p1.get("severity").asText()).isEqualTo("II");
            assertThat(p1.get("status").asText()).isEqualTo("RAISED");
            assertThat(p1.get("headline").asText()).contains("重大").contains("公共安全");
            String cap = validateCap(alertId, "Alert");
            assertThat(cap).contains("<severity>Severe</severity>").contains("<urgency>Immediate</urgency>")
                    .contains("<value>" + county + "</value>").contains("<valueName>GB/T 2260</valueName>");

            String second = sendReport(county, at(day, 13), GRADE_II_TEXT.replace("12人", "11人"));
            ConsumerRecord<String, String> updated = awaitRecord(alertsOut, county,
                    p -> p.get("alertId").asText().equals(alertId) && p.get("reportIds").toString().contains(second));
            assertThat(EventContracts.header(updated, "ce_type")).isEqualTo("org.sitrep.alert.updated.v1");
            assertThat(MAPPER.readTree(updated.value()).get("reportIds")).hasSize(2);
            validateCap(alertId, "Update");

            // no update for more than 48 hours: the scheduled evaluation expires it
            warnings.evaluate(Instant.now().plus(Duration.ofHours(49)));
            ConsumerRecord<String, String> expired = awaitRecord(alertsOut, county,
                    p -> p.get("alertId").asText().equals(alertId) && p.get("status").asText().equals("EXPIRED"));
            EventContracts.assertRecord(Contract.RISK_ALERT, expired, county);
            assertThat(EventContracts.header(expired, "ce_type")).isEqualTo("org.sitrep.alert.expired.v1");
            String cancel = validateCap(alertId, "Cancel");
            assertThat(cancel).contains("<references>").contains("sitrep-alert-" + alertId + "-1,");
            Files.createDirectories(Path.of("target", "cap-samples"));
            Files.writeString(Path.of("target", "cap-samples", "severe-cancel.xml"), cancel);
        }
    }

    @Test
    void badQueriesAndUnknownAlertsAreProblems() {
        for (Map<String, String> q : List.of(Map.of("status", "OPEN"), Map.of("regionCode", "12"),
                Map.of("regionCode", "999999"), Map.of("category", "WEATHER"), Map.of("colour", "red"))) {
            Response r = given().queryParams(q).get("/api/v1/alerts");
            assertThat(r.statusCode()).as(q.toString()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("violations[0].field")).isEqualTo(q.keySet().iterator().next());
        }
        assertThat(given().get("/api/v1/alerts/not-a-uuid").statusCode()).isEqualTo(400);
        Response missing = given().get("/api/v1/alerts/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        Response ack = given().contentType(ContentType.JSON).body(Map.of("by", "x"))
                .post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledgement");
        assertThat(ack.statusCode()).isEqualTo(404);
        Response noBy = given().contentType(ContentType.JSON).body(Map.of("note", "x"))
                .post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledgement");
        assertThat(noBy.statusCode()).isEqualTo(400);
        assertThat(noBy.jsonPath().getString("violations[0].field")).isEqualTo("by");
        assertThat(given().queryParam("status", "RESOLVED,EXPIRED").get("/api/v1/alerts").statusCode()).isEqualTo(200);
    }

    // ---- helpers ----

    String validateCap(String alertId, String msgType) throws Exception {
        Response r = given().accept("application/cap+xml").get("/api/v1/alerts/" + alertId);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/cap+xml");
        String xml = r.asString();
        capSchema.newValidator().validate(new StreamSource(new StringReader(xml)));
        assertThat(xml).contains("<msgType>" + msgType + "</msgType>").contains("<scope>Restricted</scope>")
                .contains("<language>zh-CN</language>");
        Files.createDirectories(Path.of("target", "cap-samples"));
        Files.writeString(Path.of("target", "cap-samples", msgType.toLowerCase() + "-" + alertId + ".xml"), xml);
        return xml;
    }

    static String sendReport(String region, Instant occurredAt, String body) {
        String reportId = UUID.randomUUID().toString();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reportId", reportId);
        n.put("unitId", "test-unit");
        n.put("regionCode", region);
        n.put("occurredAt", occurredAt.toString());
        n.put("receivedAt", occurredAt.plusSeconds(600).toString());
        n.put("body", body);
        sender.send(Contract.REPORT_RECEIVED, reportId, n.toString());
        return reportId;
    }

    boolean classified(List<String> reportIds) throws java.sql.SQLException {
        // a classification row is visible once its transaction (with the counts and the alerts) committed
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "select count(*) from report_classification where report_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", reportIds.stream().map(UUID::fromString).toArray()));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == reportIds.size();
            }
        }
    }

    static String randomCounty() {
        return COUNTIES.get(ThreadLocalRandom.current().nextInt(COUNTIES.size()));
    }

    static LocalDate randomPastDay() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 365 * 20));
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 17).atZone(OFFICE).toInstant();
    }

    /** The first record with this key whose payload matches (the reader keeps what it read for later calls). */
    static ConsumerRecord<String, String> awaitRecord(TopicReader reader, String key, Predicate<JsonNode> matches) {
        return await().atMost(WAIT).until(() -> reader.first(r -> key.equals(r.key()) && matches.test(payload(r))),
                java.util.Optional::isPresent).get();
    }

    static JsonNode payload(ConsumerRecord<String, String> r) {
        try {
            return MAPPER.readTree(r.value());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + r.value(), e);
        }
    }
}
