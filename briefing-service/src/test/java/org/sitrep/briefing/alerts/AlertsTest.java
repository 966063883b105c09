package org.sitrep.briefing.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sitrep.briefing.ServiceTestSupport.await;
import static org.sitrep.briefing.ServiceTestSupport.processed;
import static org.sitrep.briefing.ServiceTestSupport.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.sitrep.contracts.EventContracts;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.sitrep.infra.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class AlertsTest {

    @Inject
    DataSource dataSource;

    static String send(Alerts.Builder a) {
        return sender().send(Contract.RISK_ALERT, a.ceType(), a.regionCode, a.json());
    }

    static Map<String, Object> find(String alertId, String query) {
        JsonPath list = given().accept(ContentType.JSON).get("/api/v1/alerts?size=200" + query).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = list.getList("items");
        return items.stream().filter(i -> alertId.equals(i.get("alertId"))).findFirst().orElse(null);
    }

    @Test
    void aRaisedAlertIsListedAndAHigherVersionReplacesItWhileAnOlderOneChangesNothing() {
        Alerts.Builder alert = Alerts.alert().region("610924").headline("紫阳县山体滑坡 2 人死亡");
        send(alert);
        await().untilAsserted(() -> {
            Map<String, Object> listed = find(alert.alertId, "");
            assertThat(listed).isNotNull();
            assertThat(listed).containsEntry("status", "RAISED").containsEntry("version", 1)
                    .containsEntry("regionCode", "610924").containsEntry("regionName", "紫阳县")
                    .containsEntry("category", "PUBLIC_SAFETY").containsEntry("severity", "II")
                    .containsEntry("headline", "紫阳县山体滑坡 2 人死亡");
        });

        send(alert.version(3).status("ACKNOWLEDGED").headline("紫阳县山体滑坡 已处置中"));
        await().untilAsserted(() -> assertThat(find(alert.alertId, ""))
                .containsEntry("version", 3).containsEntry("status", "ACKNOWLEDGED")
                .containsEntry("acknowledgedBy", "值班员张三"));

        String older = send(alert.version(2).status("UPDATED").headline("旧版本"));
        await().until(() -> processed(dataSource, older));
        assertThat(find(alert.alertId, "")).containsEntry("version", 3).containsEntry("headline", "紫阳县山体滑坡 已处置中");
    }

    @Test
    void resolvedAlertsLeaveTheActiveListAndAreFoundByStatus() {
        Alerts.Builder alert = Alerts.alert().region("610981");
        send(alert);
        await().untilAsserted(() -> assertThat(find(alert.alertId, "")).isNotNull());

        send(alert.version(2).status("RESOLVED"));
        await().untilAsserted(() -> assertThat(find(alert.alertId, "&status=RESOLVED")).containsEntry("version", 2));
        assertThat(find(alert.alertId, "")).isNull();
    }

    @Test
    void alertsPastTheirExpiryAreNotActive() {
        Alerts.Builder expired = Alerts.alert().raisedAt(Instant.now().minus(Duration.ofDays(2)))
                .expiresAt(Instant.now().minus(Duration.ofDays(1)));
        String id = send(expired);
        await().until(() -> processed(dataSource, id));
        assertThat(find(expired.alertId, "")).isNull();
        assertThat(find(expired.alertId, "&status=RAISED")).isNotNull();
    }

    @Test
    void theListIsNewestFirstAndFiltersByRegionWithinAndCategory() {
        Instant now = Instant.now();
        Alerts.Builder olderInAnkang = Alerts.alert().region("610902").category("PUBLIC_ORDER").raisedAt(now.minusSeconds(600));
        Alerts.Builder newerInAnkang = Alerts.alert().region("610924").category("PUBLIC_ORDER").raisedAt(now.minusSeconds(10));
        Alerts.Builder inHanzhong = Alerts.alert().region("610702").category("PUBLIC_ORDER").raisedAt(now.minusSeconds(5));
        send(olderInAnkang);
        send(newerInAnkang);
        send(inHanzhong);
        await().untilAsserted(() -> {
            List<String> ids = given().get("/api/v1/alerts?size=200&regionCode=610900&category=PUBLIC_ORDER").then()
                    .statusCode(200).extract().jsonPath().getList("items.alertId");
            assertThat(ids).contains(olderInAnkang.alertId, newerInAnkang.alertId).doesNotContain(inHanzhong.alertId);
            assertThat(ids.indexOf(newerInAnkang.alertId)).isLessThan(ids.indexOf(olderInAnkang.alertId));
        });
        List<String> cyber = given().get("/api/v1/alerts?size=200&category=CYBER_SECURITY").then().statusCode(200)
                .extract().jsonPath().getList("items.alertId");
        assertThat(cyber).doesNotContain(olderInAnkang.alertId, newerInAnkang.alertId, inHanzhong.alertId);
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        for (String[] bad : new String[][] { { "status=OPEN", "status" }, { "category=WEATHER", "category" },
                { "regionCode=999999", "regionCode" }, { "size=0", "size" }, { "colour=red", "colour" } }) {
            given().get("/api/v1/alerts?" + bad[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400)).body("violations[0].field", equalTo(bad[1]));
        }
    }

    @Test
    void poisonAlertRecordsGoToTheDeadLetterTopicAndConsumptionContinues() {
        String notJson = UUID.randomUUID().toString();
        String unknownKind = UUID.randomUUID().toString();
        String wrongType = UUID.randomUUID().toString();
        Alerts.Builder bad = Alerts.alert();
        String badKind = bad.json().replace("SEVERE_REPORT", "HUNCH");
        sender().sendRaw("risk-alerts", notJson, "{not json", headers("org.sitrep.alert.raised.v1"));
        sender().sendRaw("risk-alerts", unknownKind, badKind, headers("org.sitrep.alert.raised.v1"));
        sender().sendRaw("risk-alerts", wrongType, Alerts.alert().json(), headers("org.sitrep.report.classified.v1"));
        Alerts.Builder good = Alerts.alert();
        send(good);
        await().untilAsserted(() -> assertThat(find(good.alertId, "")).isNotNull());
        assertThat(find(bad.alertId, "&status=RAISED")).isNull();

        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "briefing-alert-dlq-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("risk-alerts-briefing-dlq"));
            await().until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (List.of(notJson, unknownKind, wrongType).contains(r.key())) {
                        dead.add(r);
                    }
                }
                return dead.size() == 3;
            });
        }
        ConsumerRecord<String, String> kind = dead.stream().filter(r -> r.key().equals(unknownKind)).findFirst().orElseThrow();
        assertThat(kind.value()).isEqualTo(badKind);
        assertThat(EventContracts.header(kind, "dead-letter-reason")).contains("kind");
    }

    private static Map<String, String> headers(String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/sitrep/test", "content-type", "application/json");
    }
}
