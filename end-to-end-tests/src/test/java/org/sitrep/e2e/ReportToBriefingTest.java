package org.sitrep.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.contracts.EventContracts;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.contracts.TopicReader;
import org.sitrep.infra.TestInfrastructure;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The three services run together as separate processes on one real Kafka broker and one real PostgreSQL server;
 * reports are followed from POST to classification, the situation totals and a rendered briefing.
 */
class ReportToBriefingTest {

    static Platform platform;
    static ServiceProcess ingest;
    static ServiceProcess briefing;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start();
        ingest = platform.ingest;
        briefing = platform.briefing;
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    record Submitted(String id, String unit, String region, String title) {
    }

    @Test
    void reportsTravelFromSubmissionToSituationTotalsAndARenderedBriefing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(6, ChronoUnit.HOURS);
        Instant to = now.plus(1, ChronoUnit.HOURS);
        List<Submitted> submitted = new ArrayList<>();
        submitted.add(submit("ziyang-yjj", "610924", now.minus(3, ChronoUnit.HOURS), "紫阳县蒿坪镇山体滑坡",
                "11月24日凌晨，蒿坪镇金川村后山发生山体滑坡，冲毁民房3间，造成2人死亡、4人受伤，镇村干部已组织转移群众40余人。", "zy-1"));
        submitted.add(submit("hanbin-gaj", "610902", now.minus(2, ChronoUnit.HOURS), "冒充客服诈骗案",
                "江北派出所接报，辖区居民李某接到自称网购平台客服的电话，以退款为由诱导其下载屏幕共享软件，被骗走银行卡内存款8.6万元。", "hb-1"));
        submitted.add(submit("xunyang-xfj", "610981", now.minus(4, ChronoUnit.HOURS), "务工人员讨要欠薪",
                "城关镇一在建楼盘项目部门前聚集务工人员约60人，反映总包方拖欠工资近300万元，情绪激动，要求当日给出付款时间。", "xy-1"));
        submitted.add(submit("ankang-wxb", "610902", now.minus(1, ChronoUnit.HOURS), "<script>alert(1)</script> 门户网站被篡改",
                "市政务服务网首页被植入非法链接，经排查为服务器中间件漏洞遭利用，已下线整改并保存日志。", "ak-1"));
        submitted.add(submit("hanzhong-gaj", "610702", now.minus(5, ChronoUnit.HOURS), "汉台区电动车盗窃",
                "汉台区连续发生3起电动自行车被盗案件，嫌疑人夜间作案，警方已调取监控。", "hz-1"));
        // the same landslide, reported by the township an hour later in its own words: one more report, no new incident
        submitted.add(submit("haoping-zhen", "610924", now.minus(2, ChronoUnit.HOURS), "金川村滑坡情况续报",
                "续报：蒿坪镇金川村后山滑坡已造成2人死亡、4人受伤，冲毁民房3间，村组已转移群众40余人，镇干部在现场值守。", "hp-1"));

        // a unit's retry of the same report changes nothing downstream
        Response retry = post(ingest.url() + "/api/v1/reports", body("ziyang-yjj", "610924", now.minus(3, ChronoUnit.HOURS),
                "紫阳县蒿坪镇山体滑坡",
                "11月24日凌晨，蒿坪镇金川村后山发生山体滑坡，冲毁民房3间，造成2人死亡、4人受伤，镇村干部已组织转移群众40余人。", "zy-1"));
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.<String>path("id")).isEqualTo(submitted.get(0).id());

        // each report comes back classified
        for (Submitted s : submitted) {
            await("classification of " + s.title()).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Response report = given().get(ingest.url() + "/api/v1/reports/" + s.id());
                assertThat(report.<String>path("status")).isEqualTo("CLASSIFIED");
                assertThat(report.<String>path("category")).isNotNull();
                assertThat(report.<String>path("severity")).isIn("I", "II", "III", "IV");
            });
        }
        assertThat(given().get(ingest.url() + "/api/v1/reports/" + submitted.get(0).id()).<String>path("category"))
                .isEqualTo("PUBLIC_SAFETY");
        assertThat(given().get(ingest.url() + "/api/v1/reports/" + submitted.get(1).id()).<String>path("category"))
                .isEqualTo("PUBLIC_ORDER");
        // the township's follow-up was linked to the county's report of the same landslide
        String incident = given().get(ingest.url() + "/api/v1/reports/" + submitted.get(0).id()).path("classification.incidentId");
        assertThat(given().get(ingest.url() + "/api/v1/reports/" + submitted.get(5).id()).<String>path("classification.incidentId"))
                .isEqualTo(incident);

        // the situation map counts each report once, rolled up to Ankang's counties and to the province's cities
        await("situation totals").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Response province = given().queryParam("from", from.toString()).queryParam("to", to.toString())
                    .queryParam("regionCode", "610000").get(briefing.url() + "/api/v1/situation");
            assertThat(province.statusCode()).isEqualTo(200);
            assertThat(province.<Integer>path("totals.ALL")).isEqualTo(6);
            assertThat(province.<Integer>path("incidentTotals.ALL")).isEqualTo(5);
            assertThat(province.<Integer>path("regions.find { it.regionCode == '610900' }.total")).isEqualTo(5);
            assertThat(province.<Integer>path("regions.find { it.regionCode == '610700' }.total")).isEqualTo(1);
        });
        Response ankang = given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("regionCode", "610900").get(briefing.url() + "/api/v1/situation");
        assertThat(ankang.<Integer>path("totals.ALL")).isEqualTo(5);
        assertThat(ankang.<Integer>path("incidentTotals.ALL")).isEqualTo(4);
        assertThat(ankang.<Integer>path("regions.find { it.regionCode == '610902' }.total")).isEqualTo(2);
        assertThat(ankang.<Integer>path("totals.PUBLIC_SAFETY")).isGreaterThanOrEqualTo(1);

        // a briefing for the period, published on Kafka and readable as HTML with the reports behind the numbers
        try (TopicReader briefings = new TopicReader(TestInfrastructure.get().bootstrapServers(), "briefings")) {
            Response created = given().contentType(ContentType.JSON)
                    .body("{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"regionCode\":\"610900\"}")
                    .post(briefing.url() + "/api/v1/briefings");
            assertThat(created.statusCode()).isEqualTo(201);
            String briefingId = created.path("id");
            assertThat(created.header("Location")).endsWith(briefingId);

            String html = given().accept("text/html").get(briefing.url() + "/api/v1/briefings/" + briefingId).then()
                    .statusCode(200).contentType("text/html").extract().asString();
            assertThat(html).contains("紫阳县", "汉滨区", "紫阳县蒿坪镇山体滑坡", submitted.get(0).id());
            assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");

            ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30))
                    .until(() -> briefings.withKey(briefingId), list -> !list.isEmpty()).get(0);
            EventContracts.assertRecord(Contract.BRIEFING_GENERATED, event, briefingId);
            assertThat(event.value()).contains("\"ALL\":5");
        }
    }

    private static Submitted submit(String unit, String region, Instant occurredAt, String title, String text, String externalId) {
        Response response = post(ingest.url() + "/api/v1/reports", body(unit, region, occurredAt, title, text, externalId));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return new Submitted(response.path("id"), unit, region, title);
    }

    private static Response post(String url, String json) {
        return given().contentType(ContentType.JSON).body(json).post(url);
    }

    private static String body(String unit, String region, Instant occurredAt, String title, String text, String externalId) {
        return "{\"unitId\":\"" + unit + "\",\"regionCode\":\"" + region + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"title\":\"" + title + "\",\"body\":\"" + text + "\",\"externalId\":\"" + externalId + "\"}";
    }
}
