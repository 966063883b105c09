package org.sitrep.briefing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.briefing.ServiceTestSupport.await;
import static org.sitrep.briefing.ServiceTestSupport.processed;
import static org.sitrep.briefing.ServiceTestSupport.send;
import static org.sitrep.briefing.ServiceTestSupport.sender;
import static org.sitrep.briefing.ServiceTestSupport.situation;
import static org.sitrep.briefing.ServiceTestSupport.totals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class SituationTest {

    @Inject
    DataSource dataSource;

    private static final List<String> CATEGORIES = List.of("POLITICAL_SECURITY", "PUBLIC_ORDER", "SOCIAL_CONFLICT",
            "PUBLIC_SAFETY", "CYBER_SECURITY");

    @Test
    void situationTotalsReflectTheClassifiedReports() {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        send(Classifications.report().region("610902").category("PUBLIC_ORDER").at(day.plus(Duration.ofHours(3))));
        send(Classifications.report().region("610902").category("PUBLIC_ORDER").at(day.plus(Duration.ofHours(5))));
        send(Classifications.report().region("610921").category("PUBLIC_SAFETY").at(day.plus(Duration.ofHours(20))));

        Instant to = day.plus(Duration.ofDays(1));
        await().untilAsserted(() -> assertThat(totals(day, to, null)).containsEntry("ALL", 3));
        JsonPath s = situation(day, to, null);
        assertThat(s.getMap("totals")).containsEntry("PUBLIC_ORDER", 2).containsEntry("PUBLIC_SAFETY", 1)
                .containsEntry("CYBER_SECURITY", 0).containsKeys(CATEGORIES.toArray());
        assertThat(s.getList("regions.regionCode")).containsExactly("610902", "610921");
        assertThat(s.getMap("regions[0].counts")).containsOnlyKeys(CATEGORIES.toArray()).containsEntry("PUBLIC_ORDER", 2);
        assertThat(s.getInt("regions[0].total")).isEqualTo(2);
        assertThat(s.getString("regions[0].name")).isEqualTo("汉滨区");
        assertThat(s.getString("from")).isEqualTo(day.toString());
    }

    @Test
    void partialHoursAtTheEdgesAreCountedFromTheReports() {
        Instant base = Classifications.freshWindow().plus(Duration.ofDays(2));
        for (String at : List.of("PT10H20M", "PT10H45M", "PT11H30M", "PT12H10M", "PT12H20M")) {
            send(Classifications.report().region("610922").at(base.plus(Duration.parse(at))));
        }
        Instant dayEnd = base.plus(Duration.ofDays(1));
        await().untilAsserted(() -> assertThat(totals(base, dayEnd, null)).containsEntry("ALL", 5));

        assertThat(totals(base.plus(Duration.parse("PT10H30M")), base.plus(Duration.parse("PT12H15M")), null))
                .containsEntry("ALL", 3);
        assertThat(totals(base.plus(Duration.parse("PT10H30M")), base.plus(Duration.parse("PT10H50M")), null))
                .containsEntry("ALL", 1);
        assertThat(totals(base.plus(Duration.parse("PT11H")), base.plus(Duration.parse("PT12H")), null))
                .containsEntry("ALL", 1);
        assertThat(totals(base.plus(Duration.parse("PT10H20M")), base.plus(Duration.parse("PT12H20M")), null))
                .as("from is inclusive, to exclusive").containsEntry("ALL", 4);
    }

    @Test
    void redeliveryAndOlderVersionsDoNotChangeTheCounts() {
        Instant day = Classifications.freshWindow();
        Instant to = day.plus(Duration.ofDays(1));
        Classifications.Builder v2 = Classifications.report().version(2).region("610923").category("SOCIAL_CONFLICT")
                .at(day.plus(Duration.ofHours(9)));
        String eventId = send(v2);
        await().untilAsserted(() -> assertThat(totals(day, to, null)).containsEntry("ALL", 1));

        sender().resend(Contract.REPORT_CLASSIFIED, eventId, v2.id(), v2.json());
        String older = send(Classifications.report().id(v2.id()).version(1).region("610923").category("CYBER_SECURITY")
                .at(day.plus(Duration.ofHours(9))));
        String same = send(v2);
        await().until(() -> processed(dataSource, older) && processed(dataSource, same));

        assertThat(totals(day, to, null)).containsEntry("ALL", 1).containsEntry("SOCIAL_CONFLICT", 1)
                .containsEntry("CYBER_SECURITY", 0);
    }

    @Test
    void higherVersionWithAnotherCategoryAndHourMovesTheCount() {
        Instant day = Classifications.freshWindow();
        Instant to = day.plus(Duration.ofDays(1));
        Classifications.Builder v1 = Classifications.report().region("610924").category("PUBLIC_ORDER")
                .at(day.plus(Duration.ofHours(2)));
        send(v1);
        await().untilAsserted(() -> assertThat(totals(day, to, null)).containsEntry("PUBLIC_ORDER", 1));

        send(Classifications.report().id(v1.id()).version(2).region("610925").category("CYBER_SECURITY")
                .at(day.plus(Duration.ofHours(7))));
        await().untilAsserted(() -> assertThat(totals(day, to, null)).containsEntry("CYBER_SECURITY", 1)
                .containsEntry("PUBLIC_ORDER", 0).containsEntry("ALL", 1));
        JsonPath s = situation(day, to, null);
        assertThat(s.getList("regions.regionCode")).containsExactly("610925");
        assertThat(totals(day.plus(Duration.ofHours(2)), day.plus(Duration.ofHours(3)), null)).containsEntry("ALL", 0);
        assertThat(totals(day.plus(Duration.ofHours(7)), day.plus(Duration.ofHours(8)), null)).containsEntry("ALL", 1);
    }

    @Test
    void cityRollsUpToCountiesAndProvinceToCities() {
        Instant day = Classifications.freshWindow();
        Instant at = day.plus(Duration.ofHours(12));
        send(Classifications.report().region("610902").category("PUBLIC_ORDER").at(at));
        send(Classifications.report().region("610902").category("PUBLIC_SAFETY").at(at));
        send(Classifications.report().region("610921").category("PUBLIC_ORDER").at(at));
        send(Classifications.report().region("610113").category("CYBER_SECURITY").at(at));
        send(Classifications.report().region("610702").category("SOCIAL_CONFLICT").at(at));
        Instant to = day.plus(Duration.ofDays(1));
        await().untilAsserted(() -> assertThat(totals(day, to, null)).containsEntry("ALL", 5));

        JsonPath city = situation(day, to, "610900");
        assertThat(city.getMap("totals")).containsEntry("ALL", 3).containsEntry("PUBLIC_ORDER", 2);
        assertThat(city.getString("regionCode")).isEqualTo("610900");
        assertThat(city.getList("regions.regionCode")).contains("610902", "610921", "610922").doesNotContain("610113");
        assertThat(row(city, "610902")).containsEntry("total", 2);
        assertThat(row(city, "610921")).containsEntry("total", 1);

        JsonPath province = given().queryParam("from", day.toString()).queryParam("to", to.toString())
                .queryParam("region", "610000").get("/api/v1/situation").then().statusCode(200).extract().jsonPath();
        assertThat(province.getMap("totals")).containsEntry("ALL", 5);
        assertThat(province.getList("regions.regionCode")).contains("610100", "610700", "610900")
                .doesNotContain("610902");
        assertThat(row(province, "610900")).containsEntry("total", 3);
        assertThat(row(province, "610100")).containsEntry("total", 1);
        assertThat(row(province, "610700")).containsEntry("total", 1);
        assertThat(row(province, "610900").get("name")).isEqualTo("安康市");

        JsonPath county = situation(day, to, "610921");
        assertThat(county.getList("regions.regionCode")).containsExactly("610921");
        assertThat(county.getMap("totals")).containsEntry("ALL", 1);
    }

    @Test
    void changeIsAgainstThePreviousPeriodOfEqualLength() {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(3));
        Instant previousDay = day.minus(Duration.ofDays(1));
        send(Classifications.report().region("610926").category("PUBLIC_ORDER").at(previousDay.plus(Duration.ofHours(1))));
        send(Classifications.report().region("610926").category("PUBLIC_ORDER").at(previousDay.plus(Duration.ofHours(2))));
        send(Classifications.report().region("610926").category("PUBLIC_ORDER").at(previousDay.plus(Duration.ofHours(3))));
        send(Classifications.report().region("610926").category("PUBLIC_ORDER").at(day.plus(Duration.ofHours(1))));
        send(Classifications.report().region("610926").category("PUBLIC_SAFETY").at(day.plus(Duration.ofHours(2))));
        Instant to = day.plus(Duration.ofDays(1));
        await().untilAsserted(() -> assertThat(totals(previousDay, to, null)).containsEntry("ALL", 5));

        JsonPath s = situation(day, to, null);
        assertThat(s.getMap("totals")).containsEntry("ALL", 2);
        assertThat(s.getMap("previousTotals")).containsEntry("ALL", 3).containsEntry("PUBLIC_ORDER", 3);
        assertThat(s.getMap("change")).containsEntry("ALL", -1).containsEntry("PUBLIC_ORDER", -2)
                .containsEntry("PUBLIC_SAFETY", 1).containsEntry("CYBER_SECURITY", 0);
        assertThat(s.getMap("regions[0].previous")).containsEntry("PUBLIC_ORDER", 3).containsEntry("ALL", 3);
        assertThat(s.getMap("regions[0].change")).containsEntry("PUBLIC_ORDER", -2).containsEntry("ALL", -1);
    }

    @Test
    void reportsBehindACellAreListedNewestFirstAndPaged() {
        Instant day = Classifications.freshWindow();
        Classifications.Builder older = Classifications.report().region("610927").category("PUBLIC_SAFETY")
                .title("山体滑坡").at(day.plus(Duration.ofHours(4)));
        Classifications.Builder newer = Classifications.report().region("610927").category("PUBLIC_SAFETY")
                .title("道路塌方").severity("II").at(day.plus(Duration.ofHours(6)));
        send(older);
        send(newer);
        send(Classifications.report().region("610927").category("PUBLIC_ORDER").at(day.plus(Duration.ofHours(5))));
        Instant to = day.plus(Duration.ofDays(1));
        await().untilAsserted(() -> assertThat(totals(day, to, null)).containsEntry("ALL", 3));

        JsonPath page = given().queryParam("from", day.toString()).queryParam("to", to.toString())
                .queryParam("regionCode", "610900").queryParam("category", "PUBLIC_SAFETY").queryParam("size", "1")
                .get("/api/v1/situation/reports").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(2);
        assertThat(page.getList("items.id")).containsExactly(newer.id());
        assertThat(page.getString("items[0].title")).isEqualTo("道路塌方");
        assertThat(page.getString("items[0].severity")).isEqualTo("II");
        assertThat(page.getString("items[0].regionCode")).isEqualTo("610927");
        assertThat(page.getString("items[0].unitId")).isEqualTo("unit-test");

        JsonPath second = given().queryParam("from", day.toString()).queryParam("to", to.toString())
                .queryParam("regionCode", "610900").queryParam("category", "PUBLIC_SAFETY").queryParam("size", "1")
                .queryParam("page", "1").get("/api/v1/situation/reports").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id")).containsExactly(older.id());
    }

    @Test
    void invalidParametersAreProblemsNamingTheField() {
        problem(Map.of("from", "yesterday"), "from");
        problem(Map.of("to", "+200000-01-01T00:00:00Z"), "to");
        problem(Map.of("from", "2030-01-02T00:00:00Z", "to", "2030-01-01T00:00:00Z"), "from");
        problem(Map.of("from", "2030-01-01T00:00:00Z", "to", "2031-01-03T00:00:00Z"), "to");
        problem(Map.of("regionCode", "999999"), "regionCode");
        problem(Map.of("region", "123"), "region");
        problem(Map.of("regoin", "610900"), "regoin");
        given().queryParam("category", "WEATHER").get("/api/v1/situation/reports").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("size", "many").get("/api/v1/situation/reports").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void defaultPeriodIsTheLast24Hours() {
        JsonPath s = given().accept(ContentType.JSON).get("/api/v1/situation").then().statusCode(200).extract().jsonPath();
        Instant from = Instant.parse(s.getString("from"));
        Instant to = Instant.parse(s.getString("to"));
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(24));
        assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(s.getMap("totals")).containsKeys("ALL", "PUBLIC_ORDER");
    }

    private static void problem(Map<String, String> query, String field) {
        JsonPath p = given().queryParams(query).get("/api/v1/situation").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(p.getInt("status")).isEqualTo(400);
        assertThat(p.getList("violations.field")).as(query.toString()).containsExactly(field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath s, String code) {
        List<Map<String, Object>> rows = s.getList("regions");
        return rows.stream().filter(r -> code.equals(r.get("regionCode"))).findFirst().orElseThrow();
    }
}
