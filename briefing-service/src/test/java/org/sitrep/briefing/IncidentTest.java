package org.sitrep.briefing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.briefing.ServiceTestSupport.await;
import static org.sitrep.briefing.ServiceTestSupport.processed;
import static org.sitrep.briefing.ServiceTestSupport.send;
import static org.sitrep.briefing.ServiceTestSupport.sender;
import static org.sitrep.briefing.ServiceTestSupport.situation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Reports about the same incident count as reports, but as one incident — on the map and in briefings. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class IncidentTest {

    @Inject
    DataSource dataSource;

    @Test
    void threeReportsOfOneIncidentCountAsThreeReportsAndOneIncident() {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        Instant to = day.plus(Duration.ofDays(1));
        String landslide = UUID.randomUUID().toString();
        Classifications.Builder township = Classifications.report().incident(landslide).region("610902")
                .category("PUBLIC_SAFETY").severity("III").title("乡镇报：山体滑坡").at(day.plus(Duration.ofHours(2)));
        Classifications.Builder police = Classifications.report().incident(landslide).region("610902")
                .category("PUBLIC_SAFETY").severity("I").title("县公安局报：山体滑坡致道路中断").at(day.plus(Duration.ofHours(3)));
        Classifications.Builder bureau = Classifications.report().incident(landslide).region("610902")
                .category("PUBLIC_SAFETY").severity("II").title("应急局报：滑坡").at(day.plus(Duration.ofHours(4)));
        Classifications.Builder other = Classifications.report().region("610902").category("PUBLIC_SAFETY")
                .severity("II").title("仓库火灾").at(day.plus(Duration.ofHours(5)));
        // the previous day: one incident of two reports
        String yesterday = UUID.randomUUID().toString();
        send(Classifications.report().incident(yesterday).region("610902").category("PUBLIC_SAFETY")
                .at(day.minus(Duration.ofHours(5))));
        send(Classifications.report().incident(yesterday).region("610902").category("PUBLIC_SAFETY")
                .at(day.minus(Duration.ofHours(4))));
        send(township);
        send(police);
        send(bureau);
        send(other);

        await().untilAsserted(() -> assertThat(situation(day, to, null).getMap("totals")).containsEntry("ALL", 4));
        JsonPath s = situation(day, to, null);
        assertThat(s.getMap("incidentTotals")).containsEntry("ALL", 2).containsEntry("PUBLIC_SAFETY", 2)
                .containsEntry("PUBLIC_ORDER", 0);
        assertThat(s.getMap("previousTotals")).containsEntry("ALL", 2);
        assertThat(s.getMap("previousIncidentTotals")).containsEntry("ALL", 1);
        assertThat(s.getMap("incidentChange")).containsEntry("ALL", 1);
        assertThat(s.getMap("regions[0].counts")).containsEntry("PUBLIC_SAFETY", 4);
        assertThat(s.getMap("regions[0].incidents")).containsEntry("PUBLIC_SAFETY", 2).containsEntry("ALL", 2);
        assertThat(s.getMap("regions[0].previousIncidents")).containsEntry("ALL", 1);
        assertThat(s.getMap("regions[0].incidentChange")).containsEntry("ALL", 1);

        JsonPath reports = given().queryParam("from", day.toString()).queryParam("to", to.toString())
                .get("/api/v1/situation/reports").then().statusCode(200).extract().jsonPath();
        assertThat(reports.getList("items.incidentId")).containsExactly(other.incidentId(), landslide,
                landslide, landslide);

        JsonPath b = given().contentType(ContentType.JSON)
                .body("{\"from\": \"" + day + "\", \"to\": \"" + to + "\"}").post("/api/v1/briefings").then()
                .statusCode(201).extract().jsonPath();
        assertThat(b.getInt("headline.reportCount")).isEqualTo(4);
        assertThat(b.getInt("headline.incidentCount")).isEqualTo(2);
        assertThat(b.getMap("headline.incidentTotals")).containsEntry("ALL", 2).containsEntry("PUBLIC_SAFETY", 2);
        assertThat(b.getMap("headline.totals")).containsEntry("ALL", 4);
        assertThat(b.getList("mostSevere.incidentId")).containsExactly(landslide, other.incidentId());
        assertThat(b.getString("mostSevere[0].id")).isEqualTo(police.id());
        assertThat(b.getInt("mostSevere[0].reportCount")).isEqualTo(3);
        assertThat(b.getList("mostSevere[0].reportIds")).containsExactly(bureau.id(), police.id(), township.id());
        assertThat(b.getList("cells")).hasSize(1);
        assertThat(b.getList("cells[0].reportIds")).hasSize(4);
        assertThat(b.getList("cells[0].incidents.incidentId")).containsExactly(other.incidentId(), landslide);
        assertThat(b.getList("cells[0].incidents[1].reportIds")).containsExactly(bureau.id(), police.id(), township.id());

        String html = given().accept(ContentType.HTML).get("/api/v1/briefings/" + b.getString("id")).then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("<span id=\"report-count\">4</span>", "<span id=\"incident-count\">2</span>")
                .contains("报告 4 · 事件 2") // headline, the cell and the totals
                .contains("报告 +2 · 事件 +1")
                .contains("<a href=\"#cell-610902-PUBLIC_SAFETY\">报告 4 · 事件 2</a>")
                .contains("（报告 4 · 涉及事件 2）")
                .contains("<li class=\"incident\" data-incident=\"" + landslide + "\">事件：县公安局报：山体滑坡致道路中断（3 份报告）");
        assertThat(count(html, "data-incident=\"" + landslide + "\"")).as("once in most severe, once in the cell")
                .isEqualTo(2);
        assertThat(html).contains("id=\"severe-" + police.id() + "\"").doesNotContain("id=\"severe-" + bureau.id() + "\"");
    }

    @Test
    void splitMakesTwoIncidentsAndMergeMakesOneAgainAndRedeliveryChangesNothing() {
        Instant day = Classifications.freshWindow();
        Instant to = day.plus(Duration.ofDays(1));
        String incident = UUID.randomUUID().toString();
        Classifications.Builder first = Classifications.report().incident(incident).region("610923")
                .category("PUBLIC_SAFETY").at(day.plus(Duration.ofHours(1)));
        Classifications.Builder second = Classifications.report().incident(incident).region("610923")
                .category("PUBLIC_SAFETY").at(day.plus(Duration.ofHours(2)));
        Classifications.Builder third = Classifications.report().incident(incident).region("610923")
                .category("PUBLIC_SAFETY").at(day.plus(Duration.ofHours(3)));
        send(first);
        send(second);
        send(third);
        await().untilAsserted(() -> assertThat(incidents(day, to, null)).containsEntry("ALL", 1));
        assertThat(reports(day, to, null)).containsEntry("ALL", 3);

        // an analyst splits the third report off into an incident of its own
        String splitOff = UUID.randomUUID().toString();
        Classifications.Builder split = third.copy().version(2).incident(splitOff);
        String splitEvent = send(split);
        await().untilAsserted(() -> assertThat(incidents(day, to, null)).containsEntry("ALL", 2));
        assertThat(reports(day, to, null)).containsEntry("ALL", 3);
        assertThat(incidentRow(UUID.fromString(incident))).contains(2);
        assertThat(incidentRow(UUID.fromString(splitOff))).contains(1);

        // ... and merges it back
        Classifications.Builder merge = third.copy().version(3).incident(incident);
        String mergeEvent = send(merge);
        await().untilAsserted(() -> assertThat(incidents(day, to, null)).containsEntry("ALL", 1));
        assertThat(reports(day, to, null)).containsEntry("ALL", 3).containsEntry("PUBLIC_SAFETY", 3);
        assertThat(incidentRow(UUID.fromString(incident))).contains(3);
        assertThat(incidentRow(UUID.fromString(splitOff))).as("an incident without reports is gone").isEmpty();

        // redelivery of both, the same version again and the older split: nothing changes
        sender().resend(Contract.REPORT_CLASSIFIED, splitEvent, split.id(), split.json());
        sender().resend(Contract.REPORT_CLASSIFIED, mergeEvent, merge.id(), merge.json());
        String again = send(merge);
        String stale = send(third.copy().version(2).incident(splitOff));
        await().until(() -> processed(dataSource, again) && processed(dataSource, stale));
        assertThat(incidents(day, to, null)).containsEntry("ALL", 1);
        assertThat(reports(day, to, null)).containsEntry("ALL", 3);
        assertThat(incidentRow(UUID.fromString(incident))).contains(3);
        assertThat(incidentRow(UUID.fromString(splitOff))).isEmpty();

        JsonPath b = given().contentType(ContentType.JSON)
                .body("{\"from\": \"" + day + "\", \"to\": \"" + to + "\", \"regionCode\": \"610923\"}")
                .post("/api/v1/briefings").then().statusCode(201).extract().jsonPath();
        assertThat(b.getInt("headline.reportCount")).isEqualTo(3);
        assertThat(b.getInt("headline.incidentCount")).isEqualTo(1);
        assertThat(b.getList("mostSevere")).hasSize(1);
    }

    @Test
    void whenTheEarliestReportIsSplitOffTheIncidentMovesToItsNextEarliestReport() {
        Instant day = Classifications.freshWindow();
        Instant to = day.plus(Duration.ofDays(1));
        String incident = UUID.randomUUID().toString();
        Classifications.Builder early = Classifications.report().incident(incident).region("610924")
                .category("PUBLIC_SAFETY").at(day.plus(Duration.ofHours(1)));
        Classifications.Builder late = Classifications.report().incident(incident).region("610925")
                .category("SOCIAL_CONFLICT").at(day.plus(Duration.ofHours(6)));
        send(early);
        send(late);
        await().untilAsserted(() -> assertThat(reports(day, to, "610900")).containsEntry("ALL", 2));
        assertThat(row(situation(day, to, "610900"), "610924").get("incidents")).isEqualTo(
                Map.of("POLITICAL_SECURITY", 0, "PUBLIC_ORDER", 0, "SOCIAL_CONFLICT", 0, "PUBLIC_SAFETY", 1,
                        "CYBER_SECURITY", 0, "ALL", 1));

        send(early.copy().version(2).incident(UUID.randomUUID().toString()));
        await().untilAsserted(() -> assertThat(incidents(day, to, "610900")).containsEntry("ALL", 2));
        JsonPath city = situation(day, to, "610900");
        assertThat(incidentsOf(row(city, "610924"))).containsEntry("PUBLIC_SAFETY", 1).containsEntry("ALL", 1);
        assertThat(incidentsOf(row(city, "610925"))).containsEntry("SOCIAL_CONFLICT", 1).containsEntry("ALL", 1);
        // the remaining report is in the period's last hours only
        assertThat(incidents(day.plus(Duration.ofHours(5)), to, "610900")).containsEntry("ALL", 1);
    }

    @Test
    void incidentReportedInTwoCountiesCountsOnceInTheCitysTotals() {
        Instant day = Classifications.freshWindow();
        Instant to = day.plus(Duration.ofDays(1));
        String flood = UUID.randomUUID().toString();
        send(Classifications.report().incident(flood).region("610926").category("PUBLIC_SAFETY")
                .at(day.plus(Duration.ofHours(8))));
        send(Classifications.report().incident(flood).region("610927").category("PUBLIC_SAFETY")
                .at(day.plus(Duration.ofHours(9))));
        send(Classifications.report().incident(flood).region("610927").category("PUBLIC_ORDER")
                .at(day.plus(Duration.ofHours(10))));
        await().untilAsserted(() -> assertThat(reports(day, to, "610900")).containsEntry("ALL", 3));

        JsonPath city = situation(day, to, "610900");
        assertThat(city.getMap("incidentTotals")).containsEntry("ALL", 1).containsEntry("PUBLIC_SAFETY", 1)
                .containsEntry("PUBLIC_ORDER", 0);
        assertThat(((Number) row(city, "610926").get("total")).intValue()).isEqualTo(1);
        assertThat(((Number) row(city, "610927").get("total")).intValue()).isEqualTo(2);
        assertThat(incidentsOf(row(city, "610926"))).containsEntry("ALL", 1);
        assertThat(incidentsOf(row(city, "610927"))).containsEntry("ALL", 0);

        JsonPath behind = given().queryParam("from", day.toString()).queryParam("to", to.toString())
                .queryParam("regionCode", "610900").get("/api/v1/situation/incidents").then().statusCode(200)
                .extract().jsonPath();
        assertThat(behind.getLong("total")).isEqualTo(1);
        assertThat(behind.getString("items[0].incidentId")).isEqualTo(flood);
        assertThat(behind.getString("items[0].regionCode")).isEqualTo("610926");
        assertThat(behind.getString("items[0].category")).isEqualTo("PUBLIC_SAFETY");
        assertThat(behind.getInt("items[0].reportCount")).isEqualTo(3);
        assertThat(behind.getString("items[0].occurredAt")).isEqualTo(day.plus(Duration.ofHours(8)).toString());
        assertThat(given().queryParam("from", day.toString()).queryParam("to", to.toString())
                .queryParam("regionCode", "610927").get("/api/v1/situation/incidents").then().statusCode(200)
                .extract().jsonPath().getLong("total")).as("counted where its earliest report is").isZero();
        given().queryParam("category", "WEATHER").get("/api/v1/situation/incidents").then().statusCode(400)
                .contentType("application/problem+json");

        JsonPath province = situation(day, to, "610000");
        assertThat(province.getMap("incidentTotals")).containsEntry("ALL", 1);
        assertThat(incidentsOf(row(province, "610900"))).containsEntry("ALL", 1);

        JsonPath b = given().contentType(ContentType.JSON)
                .body("{\"from\": \"" + day + "\", \"to\": \"" + to + "\", \"regionCode\": \"610900\"}")
                .post("/api/v1/briefings").then().statusCode(201).extract().jsonPath();
        assertThat(b.getInt("headline.reportCount")).isEqualTo(3);
        assertThat(b.getInt("headline.incidentCount")).isEqualTo(1);
        assertThat(b.getList("mostSevere.incidentId")).containsExactly(flood);
        assertThat(b.getInt("mostSevere[0].reportCount")).isEqualTo(3);
        JsonPath listed = given().queryParam("size", "50").get("/api/v1/briefings").then().statusCode(200).extract()
                .jsonPath();
        assertThat(listed.getList("items.id")).contains(b.getString("id"));
    }

    @Test
    void reportWithoutIncidentIdIsAnIncidentOfItsOwn() {
        Instant day = Classifications.freshWindow();
        Instant to = day.plus(Duration.ofDays(1));
        Classifications.Builder a = Classifications.report().incident(null).region("610928").at(day.plus(Duration.ofHours(1)));
        Classifications.Builder b = Classifications.report().incident(null).region("610928").at(day.plus(Duration.ofHours(2)));
        send(a);
        send(b);
        await().untilAsserted(() -> assertThat(reports(day, to, null)).containsEntry("ALL", 2));
        assertThat(incidents(day, to, null)).containsEntry("ALL", 2);
        assertThat(incidentRow(UUID.fromString(a.id()))).contains(1);
        assertThat(incidentRow(UUID.fromString(b.id()))).contains(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> incidents(Instant from, Instant to, String region) {
        return (Map<String, Integer>) (Map<?, ?>) situation(from, to, region).getMap("incidentTotals");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> reports(Instant from, Instant to, String region) {
        return (Map<String, Integer>) (Map<?, ?>) situation(from, to, region).getMap("totals");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath s, String code) {
        List<Map<String, Object>> rows = s.getList("regions");
        return rows.stream().filter(r -> code.equals(r.get("regionCode"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> incidentsOf(Map<String, Object> row) {
        return (Map<String, Integer>) row.get("incidents");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** The report count of an incident as the incident table holds it; empty when there is no such incident. */
    private Optional<Integer> incidentRow(UUID incidentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select report_count from incident where incident_id = ?")) {
            ps.setObject(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
