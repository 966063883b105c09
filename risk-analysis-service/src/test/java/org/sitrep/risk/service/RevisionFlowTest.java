package org.sitrep.risk.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
import org.sitrep.risk.persistence.CategoryCounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Corrections after the first classification: an analyst's review, re-classification of stored history, incident
 * split and merge. Each must publish the next version once and move counts once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class RevisionFlowTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String LANDSLIDE = "据紫阳县应急管理局报告，受连续强降雨影响，蒿坪镇金川村三组后山发生山体滑坡，掩埋民房两间，"
            + "造成1人受伤，已转移群众36人。目前救援工作正在进行，后续情况续报。";
    static CloudEventSender sender;
    static TopicReader classifications;

    @Inject
    EntityManager em;
    @Inject
    CategoryCounts counts;

    @BeforeAll
    static void connect() {
        sender = new CloudEventSender(TestInfrastructure.get().bootstrapServers());
        classifications = new TopicReader(TestInfrastructure.get().bootstrapServers(), "report-classifications");
    }

    @AfterAll
    static void disconnect() {
        sender.close();
        classifications.close();
    }

    /** A day of its own in the past, so no other test's reports share its counts or incidents. */
    static Instant isolatedDay() {
        long days = ThreadLocalRandom.current().nextLong(0, 365L * 20);
        return Instant.parse("2001-01-01T02:00:00Z").plus(days, ChronoUnit.DAYS);
    }

    static String send(String regionCode, Instant occurredAt, String unitId, String title, String body) {
        String reportId = UUID.randomUUID().toString();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reportId", reportId);
        n.put("unitId", unitId);
        n.put("regionCode", regionCode);
        n.put("occurredAt", occurredAt.toString());
        n.put("receivedAt", occurredAt.plusSeconds(600).toString());
        n.put("title", title);
        n.put("body", body);
        sender.send(Contract.REPORT_RECEIVED, reportId, n.toString());
        return reportId;
    }

    /** The classification record of this version, checked against the contract. */
    static JsonNode version(String reportId, int version) throws Exception {
        ConsumerRecord<String, String> record = await().atMost(WAIT).until(() -> classifications.withKey(reportId).stream()
                .filter(r -> r.value().contains("\"version\":" + version + ",")).findFirst(), r -> r.isPresent()).get();
        EventContracts.assertRecord(Contract.REPORT_CLASSIFIED, record, reportId);
        return MAPPER.readTree(record.value());
    }

    /** The count of one cell, as GET /api/v1/counts shows it. */
    static long count(String region, String category, Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        List<Map<String, Object>> cells = given().queryParam("from", hour.toString())
                .queryParam("to", hour.plusSeconds(3600).toString()).queryParam("regionCode", region)
                .get("/api/v1/counts").then().statusCode(200).extract().jsonPath().getList("$");
        return cells.stream().filter(c -> c.get("regionCode").equals(region) && c.get("category").equals(category))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    @Test
    void analystCorrectionPublishesTheNextVersionAndMovesTheCountOnce() throws Exception {
        Instant at = isolatedDay();
        String id = send("610924", at, "ziyang-yjj", "蒿坪镇山体滑坡", LANDSLIDE);
        assertThat(version(id, 1).get("category").asText()).isEqualTo("PUBLIC_SAFETY");
        assertThat(count("610924", "PUBLIC_SAFETY", at)).isEqualTo(1);

        given().contentType(ContentType.JSON)
                .body("{\"category\":\"SOCIAL_CONFLICT\",\"severity\":\"III\",\"reason\":\"滑坡系村民阻工引发，按社会矛盾处置\",\"analyst\":\"duty-1\"}")
                .put("/api/v1/reports/{id}/classification", id).then().statusCode(200)
                .body("version", equalTo(2)).body("category", equalTo("SOCIAL_CONFLICT")).body("severity", equalTo("III"))
                .body("needsReview", equalTo(false));
        JsonNode v2 = version(id, 2);
        assertThat(v2.get("category").asText()).isEqualTo("SOCIAL_CONFLICT");
        assertThat(v2.get("revision").get("kind").asText()).isEqualTo("REVIEW");
        assertThat(count("610924", "PUBLIC_SAFETY", at)).isZero();
        assertThat(count("610924", "SOCIAL_CONFLICT", at)).isEqualTo(1);

        // the same decision again changes nothing and publishes nothing
        given().contentType(ContentType.JSON).body("{\"category\":\"SOCIAL_CONFLICT\",\"severity\":\"III\",\"reason\":\"复核\"}")
                .put("/api/v1/reports/{id}/classification", id).then().statusCode(200).body("version", equalTo(2));
        String later = send("610924", at.plusSeconds(7200), "ziyang-gaj", "无关的电信诈骗", "紫阳县公安局接报一起冒充客服退款诈骗，受害人被骗2.3万元。");
        version(later, 1);
        assertThat(classifications.withKey(id)).hasSize(2);
        assertThat(count("610924", "SOCIAL_CONFLICT", at)).isEqualTo(1);
    }

    /** The active SEVERE_REPORT alerts of a cell that name the report. */
    static List<Map<String, Object>> severeAlertsNaming(String region, String category, String reportId) {
        List<Map<String, Object>> active = given().queryParam("regionCode", region).queryParam("category", category)
                .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("$");
        return active.stream().filter(a -> "SEVERE_REPORT".equals(a.get("kind"))
                && ((List<?>) a.get("reportIds")).contains(reportId)).toList();
    }

    @Test
    void anAnalystGradingAReportUpToTwoRaisesItsSevereAlertAtOnceAndUpToOneEscalatesIt() throws Exception {
        Instant at = isolatedDay();
        String id = send("610924", at, "ziyang-yjj", "蒿坪镇山体滑坡", LANDSLIDE);
        assertThat(version(id, 1).get("severity").asText()).isNotIn("I", "II");
        assertThat(severeAlertsNaming("610924", "PUBLIC_SAFETY", id)).isEmpty();

        given().contentType(ContentType.JSON)
                .body("{\"category\":\"PUBLIC_SAFETY\",\"severity\":\"II\",\"reason\":\"核实：失联3人已确认遇难\",\"analyst\":\"duty-1\"}")
                .put("/api/v1/reports/{id}/classification", id).then().statusCode(200).body("version", equalTo(2));
        // raised in the correction's own transaction, not by the next scheduled evaluation
        List<Map<String, Object>> raised = severeAlertsNaming("610924", "PUBLIC_SAFETY", id);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).get("severity")).isEqualTo("II");
        assertThat(raised.get(0).get("status")).isEqualTo("RAISED");

        given().contentType(ContentType.JSON)
                .body("{\"category\":\"PUBLIC_SAFETY\",\"severity\":\"I\",\"reason\":\"遇难人数升至12人\",\"analyst\":\"duty-1\"}")
                .put("/api/v1/reports/{id}/classification", id).then().statusCode(200).body("version", equalTo(3));
        List<Map<String, Object>> escalated = severeAlertsNaming("610924", "PUBLIC_SAFETY", id);
        assertThat(escalated).hasSize(1);
        assertThat(escalated.get(0).get("alertId")).isEqualTo(raised.get(0).get("alertId"));
        assertThat(escalated.get(0).get("severity")).isEqualTo("I");
        assertThat(escalated.get(0).get("status")).isEqualTo("UPDATED");
        assertThat(escalated.get(0).get("reportIds")).isEqualTo(List.of(id));
    }

    @Test
    void correctionWithoutReasonOrWithUnknownValuesIsAProblemAndChangesNothing() throws Exception {
        Instant at = isolatedDay();
        String id = send("610924", at, "ziyang-yjj", "蒿坪镇山体滑坡", LANDSLIDE);
        version(id, 1);
        given().contentType(ContentType.JSON).body("{\"category\":\"PUBLIC_ORDER\"}")
                .put("/api/v1/reports/{id}/classification", id).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"category\":\"WEATHER\",\"severity\":\"V\",\"reason\":\"x\"}")
                .put("/api/v1/reports/{id}/classification", id).then().statusCode(400)
                .body("violations.field", hasItem("category")).body("violations.field", hasItem("severity"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .put("/api/v1/reports/{id}/classification", id).then().statusCode(400).body("violations.field", hasItem("category"));
        given().contentType(ContentType.JSON).body("{\"category\":\"PUBLIC_ORDER\",\"reason\":\"x\"}")
                .put("/api/v1/reports/{id}/classification", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(count("610924", "PUBLIC_SAFETY", at)).isEqualTo(1);
    }

    @Test
    void reclassificationRepublishesWhatANewModelJudgesDifferentlyOnceAndARerunChangesNothing() throws Exception {
        Instant at = isolatedDay();
        String id = send("610924", at, "ziyang-yjj", "蒿坪镇山体滑坡", LANDSLIDE);
        version(id, 1);
        // the stored judgement as an older model made it: another category, another model version
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update report_classification set category = 'CYBER_SECURITY', model_version = 'legacy-0' "
                    + "where report_id = ?1").setParameter(1, UUID.fromString(id)).executeUpdate();
            counts.decrement("610924", "PUBLIC_SAFETY", at);
            counts.increment("610924", "CYBER_SECURITY", at);
        });

        Map<String, String> period = Map.of("from", at.minusSeconds(3600).toString(), "to", at.plusSeconds(3600).toString());
        String job = given().contentType(ContentType.JSON).body(period).post("/api/v1/reclassifications").then()
                .statusCode(202).extract().path("id");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/reclassifications/{id}", job).then()
                .body("status", equalTo("COMPLETED")).body("total", equalTo(1)).body("changed", equalTo(1)));
        JsonNode v2 = version(id, 2);
        assertThat(v2.get("category").asText()).isEqualTo("PUBLIC_SAFETY");
        assertThat(v2.get("modelVersion").asText()).isNotEqualTo("legacy-0");
        assertThat(v2.get("revision").get("kind").asText()).isEqualTo("RECLASSIFICATION");
        assertThat(count("610924", "PUBLIC_SAFETY", at)).isEqualTo(1);
        assertThat(count("610924", "CYBER_SECURITY", at)).isZero();

        String rerun = given().contentType(ContentType.JSON).body(period).post("/api/v1/reclassifications").then()
                .statusCode(202).extract().path("id");
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/reclassifications/{id}", rerun).then()
                .body("status", equalTo("COMPLETED")).body("changed", equalTo(0)));
        assertThat(count("610924", "PUBLIC_SAFETY", at)).isEqualTo(1);
        given().contentType(ContentType.JSON).body("{\"from\":\"yesterday\"}").post("/api/v1/reclassifications").then()
                .statusCode(400).body("violations.field", hasItem("from"));
    }

    @Test
    void reportsOfOneIncidentShareItsIdAndAnalystsCanSplitAndMergeThem() throws Exception {
        Instant at = isolatedDay();
        String first = send("610924", at, "ziyang-yjj", "蒿坪镇金川村山体滑坡", LANDSLIDE);
        String second = send("610924", at.plus(2, ChronoUnit.HOURS), "haoping-zhen", "金川村滑坡续报",
                "续报：蒿坪镇金川村三组后山滑坡现场，受伤1人已送紫阳县医院，转移安置群众36人，镇村干部24小时值守，滑坡体仍有少量位移。");
        String other = send("610926", at.plus(1, ChronoUnit.HOURS), "pingli-gaj", "平利县网吧盗窃",
                "平利县城关派出所接报，城区一网吧夜间被盗电脑主机6台，损失约2万元，民警已调取监控。");
        String incident = version(first, 1).get("incidentId").asText();
        assertThat(version(second, 1).get("incidentId").asText()).isEqualTo(incident);
        assertThat(version(other, 1).get("incidentId").asText()).isNotEqualTo(incident);
        given().get("/api/v1/incidents/{id}", incident).then().statusCode(200).body("reportCount", equalTo(2));

        String split = given().contentType(ContentType.JSON)
                .body("{\"reportIds\":[\"" + second + "\"],\"reason\":\"续报实为另一处滑坡\"}")
                .post("/api/v1/incidents/{id}/split", incident).then().statusCode(200)
                .body("incident.reportCount", equalTo(1)).body("newIncident.reportCount", equalTo(1))
                .extract().path("newIncident.incidentId");
        JsonNode splitVersion = version(second, 2);
        assertThat(splitVersion.get("incidentId").asText()).isEqualTo(split).isNotEqualTo(incident);
        assertThat(splitVersion.get("revision").get("kind").asText()).isEqualTo("INCIDENT_SPLIT");

        given().contentType(ContentType.JSON)
                .body("{\"incidentIds\":[\"" + incident + "\",\"" + split + "\"],\"reason\":\"核实为同一处滑坡\"}")
                .post("/api/v1/incidents/merge").then().statusCode(200).body("reportCount", equalTo(2));
        assertThat(version(second, 3).get("incidentId").asText()).isEqualTo(incident);
        given().get("/api/v1/incidents/{id}", split).then().statusCode(404);

        given().contentType(ContentType.JSON).body("{\"reportIds\":[\"" + first + "\",\"" + second + "\"],\"reason\":\"x\"}")
                .post("/api/v1/incidents/{id}/split", incident).then().statusCode(400)
                .body("violations.field", hasItem("reportIds"));
        given().contentType(ContentType.JSON).body("{\"incidentIds\":[\"" + incident + "\"]}")
                .post("/api/v1/incidents/merge").then().statusCode(400)
                .body("violations.field", hasItem("incidentIds")).body("violations.field", hasItem("reason"));
    }
}
