package org.sitrep.briefing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.briefing.ServiceTestSupport.await;
import static org.sitrep.briefing.ServiceTestSupport.send;
import static org.sitrep.briefing.ServiceTestSupport.totals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.sitrep.briefing.persistence.BriefingEntity;
import org.sitrep.briefing.service.BriefingService;
import org.sitrep.contracts.EventContracts;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.sitrep.infra.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class BriefingTest {

    @Inject
    BriefingService briefings;

    @Inject
    DataSource dataSource;

    /** Sends reports into a fresh day and waits until the situation map shows them; returns the day's start. */
    private static Instant dayWith(Classifications.Builder... reports) {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        for (int i = 0; i < reports.length; i++) {
            send(reports[i].at(day.plus(Duration.ofHours(3 + 2L * i))));
        }
        await().untilAsserted(() -> assertThat(totals(day, day.plus(Duration.ofDays(1)), null))
                .containsEntry("ALL", reports.length));
        return day;
    }

    private static Response post(Instant from, Instant to, String regionCode) {
        String region = regionCode == null ? "" : ", \"regionCode\": \"" + regionCode + "\"";
        return given().contentType(ContentType.JSON)
                .body("{\"from\": \"" + from + "\", \"to\": \"" + to + "\"" + region + "}")
                .post("/api/v1/briefings");
    }

    @Test
    void generatedBriefingIsCreatedWithLocationAndCanBeReadBack() {
        Classifications.Builder grave = Classifications.report().region("610902").category("PUBLIC_SAFETY").severity("I")
                .title("化工厂爆炸");
        Instant day = dayWith(grave,
                Classifications.report().region("610902").category("PUBLIC_ORDER").severity("III"),
                Classifications.report().region("610921").category("PUBLIC_ORDER").severity("IV"));
        Instant to = day.plus(Duration.ofDays(1));

        Response created = post(day, to, "610900");
        created.then().statusCode(201).contentType(ContentType.JSON);
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith("/api/v1/briefings/" + id);

        JsonPath b = given().accept(ContentType.JSON).get(created.header("Location")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(b.getString("id")).isEqualTo(id);
        assertThat(b.getString("kind")).isEqualTo("ON_DEMAND");
        assertThat(b.getString("from")).isEqualTo(day.toString());
        assertThat(b.getString("to")).isEqualTo(to.toString());
        assertThat(b.getString("regionCode")).isEqualTo("610900");
        assertThat(b.getString("generatedAt")).isNotBlank();
        assertThat(b.getMap("headline.totals")).containsEntry("ALL", 3).containsEntry("PUBLIC_ORDER", 2);
        assertThat(b.getInt("headline.reportCount")).isEqualTo(3);
        assertThat(b.getMap("headline.change")).containsEntry("ALL", 3);
        assertThat(b.getMap("situation.totals")).containsEntry("ALL", 3);
        assertThat(b.getList("mostSevere.id")).hasSize(3).first().isEqualTo(grave.id());
        assertThat(b.getList("mostSevere.severity")).containsExactly("I", "III", "IV");
        assertThat(b.getString("contentHash")).matches("[0-9a-f]{64}");

        List<Map<String, Object>> cells = b.getList("cells");
        assertThat(cells).extracting(c -> c.get("regionCode") + "/" + c.get("category"))
                .containsExactly("610902/PUBLIC_ORDER", "610902/PUBLIC_SAFETY", "610921/PUBLIC_ORDER");
        assertThat(b.getList("cells[1].reportIds")).containsExactly(grave.id());

        JsonPath latest = given().accept(ContentType.JSON).get("/api/v1/briefings/latest").then().statusCode(200)
                .extract().jsonPath();
        assertThat(latest.getString("id")).isEqualTo(id);

        JsonPath list = given().queryParam("size", "5").get("/api/v1/briefings").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.id")).first().isEqualTo(id);
        assertThat(list.getLong("total")).isGreaterThanOrEqualTo(1);
        assertThat(list.getString("items[0].contentHash")).isEqualTo(b.getString("contentHash"));
    }

    @Test
    void briefingAsHtmlShowsTheFiguresAndEscapesReportText() {
        Classifications.Builder evil = Classifications.report().region("610922").category("CYBER_SECURITY")
                .severity("II").title("<script>alert('x')</script>网站被篡改");
        Instant day = dayWith(evil, Classifications.report().region("610922").category("CYBER_SECURITY"));
        String id = post(day, day.plus(Duration.ofDays(1)), null).then().statusCode(201).extract().path("id");

        String html = given().accept(ContentType.HTML).get("/api/v1/briefings/" + id).then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
        assertThat(html).contains("即时简报", "全部地区", "石泉县", "网络安全", "<span id=\"report-count\">2</span>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;网站被篡改")
                .doesNotContain("<script>")
                .contains("href=\"#cell-610922-CYBER_SECURITY\"", "id=\"cell-610922-CYBER_SECURITY\"")
                .contains(OffsetDateTime.ofInstant(day, ZoneOffset.ofHours(8)).toLocalDate() + " 08:00");

        String browser = given().header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get("/api/v1/briefings/latest").then().statusCode(200).contentType(ContentType.HTML).extract().asString();
        assertThat(browser).contains("<span id=\"report-count\">2</span>");
        given().get("/api/v1/briefings/" + id).then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void samePeriodAndDataGiveTheSameContentHash() {
        Instant day = dayWith(Classifications.report().region("610923"),
                Classifications.report().region("610923").category("SOCIAL_CONFLICT").severity("II"));
        Instant to = day.plus(Duration.ofDays(1));
        JsonPath first = post(day, to, null).then().statusCode(201).extract().jsonPath();
        JsonPath second = post(day, to, null).then().statusCode(201).extract().jsonPath();
        assertThat(second.getString("id")).isNotEqualTo(first.getString("id"));
        assertThat(second.getString("contentHash")).isEqualTo(first.getString("contentHash"));

        JsonPath other = post(day, to.minusSeconds(3600), null).then().statusCode(201).extract().jsonPath();
        assertThat(other.getString("contentHash")).isNotEqualTo(first.getString("contentHash"));
    }

    @Test
    void generatedBriefingIsPublishedOnTheBriefingsTopicAsContracted() {
        Instant day = dayWith(Classifications.report().region("610924"));
        String id = post(day, day.plus(Duration.ofDays(1)), "610924").then().statusCode(201).extract().path("id");

        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "briefing-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("briefings"));
            await().until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(r.key())) {
                        found.set(r);
                    }
                }
                return found.get() != null;
            });
        }
        ConsumerRecord<String, String> record = found.get();
        EventContracts.assertRecord(Contract.BRIEFING_GENERATED, record, id);
        assertThat(EventContracts.header(record, "ce_source")).isEqualTo("/sitrep/briefing-service");
        JsonPath payload = JsonPath.from(record.value());
        assertThat(payload.getString("briefingId")).isEqualTo(id);
        assertThat(payload.getString("kind")).isEqualTo("ON_DEMAND");
        assertThat(payload.getString("regionCode")).isEqualTo("610924");
        assertThat(payload.getMap("totals")).containsEntry("ALL", 1);
    }

    @Test
    void dailyJobCalledTwiceForTheSameDayCreatesOneDailyBriefing() {
        // the office day 00:00–24:00 Asia/Shanghai is 16:00–16:00 UTC: a report at 17:00 UTC belongs to the next day
        Instant utcMidnight = Classifications.freshWindow().plus(Duration.ofDays(3));
        Instant officeDayStart = utcMidnight.minus(Duration.ofHours(8));
        Instant officeDayEnd = officeDayStart.plus(Duration.ofDays(1));
        send(Classifications.report().region("610925").at(officeDayStart.plus(Duration.ofMinutes(30))));
        send(Classifications.report().region("610925").at(officeDayEnd.minus(Duration.ofMinutes(1))));
        send(Classifications.report().region("610925").at(officeDayEnd.plus(Duration.ofMinutes(10))));
        await().untilAsserted(() -> assertThat(totals(officeDayStart, officeDayEnd.plus(Duration.ofHours(1)), null))
                .containsEntry("ALL", 3));

        Instant run = officeDayEnd.plus(Duration.ofHours(8)); // 08:00 Asia/Shanghai of the next day
        BriefingEntity daily = briefings.generateDaily(run).orElseThrow();
        assertThat(briefings.generateDaily(run.plus(Duration.ofHours(3)))).isEmpty();

        assertThat(daily.kind).isEqualTo("DAILY");
        assertThat(daily.periodFrom).isEqualTo(officeDayStart);
        assertThat(daily.periodTo).isEqualTo(officeDayEnd);
        assertThat(daily.reportCount).isEqualTo(2);
        assertThat(dailyBriefings(officeDayStart, officeDayEnd)).isEqualTo(1);
        assertThat(given().accept(ContentType.JSON).get("/api/v1/briefings/" + daily.id).then().statusCode(200)
                .extract().jsonPath().getString("kind")).isEqualTo("DAILY");
    }

    @Test
    void invalidBriefingRequestsAreProblems() {
        JsonPath malformed = given().contentType(ContentType.JSON).body("{\"from\": ").post("/api/v1/briefings").then()
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(malformed.getList("violations.field")).containsExactly("body");
        JsonPath wrongType = given().contentType(ContentType.JSON).body("{\"from\": 5}").post("/api/v1/briefings").then()
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(wrongType.getList("violations.field")).containsExactly("from");
        JsonPath reversed = post(Instant.parse("2030-01-02T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"), null)
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(reversed.getList("violations.field")).containsExactly("from");
        JsonPath region = post(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-02T00:00:00Z"), "000001")
                .then().statusCode(400).extract().jsonPath();
        assertThat(region.getList("violations.field")).containsExactly("regionCode");
        JsonPath badId = given().get("/api/v1/briefings/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(badId.getList("violations.field")).containsExactly("id");
        given().get("/api/v1/briefings/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("size", "0").get("/api/v1/briefings").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private long dailyBriefings(Instant from, Instant to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from briefing where kind = 'DAILY' and period_from = ? and period_to = ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
