package org.sitrep.briefing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.briefing.ServiceTestSupport.await;
import static org.sitrep.briefing.ServiceTestSupport.send;
import static org.sitrep.briefing.ServiceTestSupport.totals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sitrep.briefing.persistence.BriefingEntity;
import org.sitrep.briefing.service.AlertSummary;
import org.sitrep.briefing.service.BriefingService;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The duty officer's desk: weekly briefings, narrative, timeliness, active warnings, PDF and the Atom feed. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class BriefingDeskTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    @Inject
    BriefingService briefings;

    @Inject
    FakeActiveAlerts alerts;

    /** Sends the reports and waits until the situation map of [from, to) counts {@code expected} reports. */
    private static void sendAndWait(Instant from, Instant to, long expected, Classifications.Builder... reports) {
        for (Classifications.Builder r : reports) {
            send(r);
        }
        await().untilAsserted(() -> assertThat(totals(from, to, null)).containsEntry("ALL", (int) expected));
    }

    private static Response post(Instant from, Instant to, String regionCode, String language) {
        String region = regionCode == null ? "" : ", \"regionCode\": \"" + regionCode + "\"";
        String lang = language == null ? "" : ", \"language\": \"" + language + "\"";
        return given().contentType(ContentType.JSON)
                .body("{\"from\": \"" + from + "\", \"to\": \"" + to + "\"" + region + lang + "}")
                .post("/api/v1/briefings");
    }

    @Test
    void weeklyJobCalledTwiceWithAFixedClockCreatesOneWeeklyBriefingOfTheOfficeWeek() {
        Instant window = Classifications.freshWindow();
        Classifications.freshWindow(); // the next window too: a week plus its edges fits in the two
        // the first Monday 00:00 Asia/Shanghai after the window's start
        Instant monday = window.atZone(OFFICE).toLocalDate().plusDays(1)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY))
                .atStartOfDay(OFFICE).toInstant();
        Instant nextMonday = monday.plus(Duration.ofDays(7));
        sendAndWait(monday.minus(Duration.ofHours(1)), nextMonday.plus(Duration.ofHours(1)), 4,
                Classifications.report().region("610926").at(monday.minus(Duration.ofMinutes(5))), // the week before
                Classifications.report().region("610926").at(monday),
                Classifications.report().region("610926").at(monday.plus(Duration.ofDays(3))),
                Classifications.report().region("610926").at(nextMonday.plus(Duration.ofMinutes(5)))); // the week after

        Clock mondayMorning = Clock.fixed(nextMonday.plus(Duration.ofHours(8)), ZoneOffset.UTC); // Monday 08:00 office time
        BriefingEntity weekly = briefings.generateWeekly(mondayMorning).orElseThrow();
        assertThat(briefings.generateWeekly(Clock.offset(mondayMorning, Duration.ofHours(30)))).isEmpty();

        assertThat(weekly.kind).isEqualTo("WEEKLY");
        assertThat(weekly.periodFrom).isEqualTo(monday);
        assertThat(weekly.periodTo).isEqualTo(nextMonday);
        assertThat(weekly.reportCount).isEqualTo(2);
        assertThat(BriefingEntity.count("kind = ?1 and periodFrom = ?2", "WEEKLY", monday)).isEqualTo(1);
        JsonPath json = given().accept(ContentType.JSON).get("/api/v1/briefings/" + weekly.id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getString("kind")).isEqualTo("WEEKLY");
        assertThat(json.getString("narrative.language")).isEqualTo("zh");
        assertThat(json.getString("narrative.paragraphs[0]")).startsWith("每周简报（全部地区，");
    }

    @Test
    void dailyJobWithAFixedClockAlsoRunsOnceAndCarriesTheNewSections() {
        Instant utcMidnight = Classifications.freshWindow().plus(Duration.ofDays(3));
        Instant dayStart = utcMidnight.minus(Duration.ofHours(8));
        sendAndWait(dayStart, dayStart.plus(Duration.ofDays(1)), 1,
                Classifications.report().region("610926").at(dayStart.plus(Duration.ofHours(2))));
        Clock clock = Clock.fixed(dayStart.plus(Duration.ofDays(1)).plus(Duration.ofHours(8)), ZoneOffset.UTC);
        BriefingEntity daily = briefings.generateDaily(clock).orElseThrow();
        assertThat(briefings.generateDaily(clock)).isEmpty();
        JsonPath json = given().accept(ContentType.JSON).get("/api/v1/briefings/" + daily.id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("timeliness.units.unitId")).containsExactly("unit-test");
        assertThat(json.getList("activeAlerts")).isEmpty();
    }

    @Test
    void briefingNamesLateUnitsWithMedianDelayAndLinksEachUnitToItsReports() {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        Instant to = day.plus(Duration.ofDays(1));
        String late = "县交通运输局-" + UUID.randomUUID().toString().substring(0, 8);
        String prompt = "县公安局-" + UUID.randomUUID().toString().substring(0, 8);
        sendAndWait(day, to, 5,
                Classifications.report().region("610929").unit(late).delay(Duration.ofHours(3)).at(day.plus(Duration.ofHours(1))),
                Classifications.report().region("610929").unit(late).delay(Duration.ofMinutes(30)).at(day.plus(Duration.ofHours(2))),
                Classifications.report().region("610929").unit(late).delay(Duration.ofHours(5)).at(day.plus(Duration.ofHours(3))),
                Classifications.report().region("610929").unit(prompt).delay(Duration.ofMinutes(20)).at(day.plus(Duration.ofHours(4))),
                Classifications.report().region("610929").unit(prompt).delay(Duration.ofMinutes(90)).at(day.plus(Duration.ofHours(5))));

        JsonPath b = post(day, to, "610929", null).then().statusCode(201).extract().jsonPath();
        assertThat(b.getString("timeliness.limit")).isEqualTo("PT2H");
        // units in unit id order (交 sorts before 公)
        assertThat(b.getList("timeliness.units.unitId")).containsExactly(late, prompt);
        Map<String, Object> lateRow = b.getMap("timeliness.units[0]");
        assertThat(lateRow).containsEntry("reportCount", 3).containsEntry("medianDelaySeconds", 3 * 3600)
                .containsEntry("withinHour", 1).containsEntry("beyondLimit", true);
        assertThat(b.getFloat("timeliness.units[0].withinHourPercent")).isEqualTo(33.3f);
        assertThat(b.getInt("timeliness.units[1].medianDelaySeconds")).isEqualTo(55 * 60);
        assertThat(b.getFloat("timeliness.units[1].withinHourPercent")).isEqualTo(50.0f);
        assertThat(b.getList("timeliness.lateUnits")).containsExactly(late);
        assertThat(String.join("\n", b.getList("narrative.paragraphs", String.class)))
                .contains(late + "（中位延迟 3 小时，1 小时内报送 33.3%）", "超过 2 小时 的时限")
                .doesNotContain(prompt);

        String link = b.getString("timeliness.units[0].reports");
        assertThat(link).startsWith("/api/v1/situation/reports?").contains("regionCode=610929");
        JsonPath reports = given().urlEncodingEnabled(false).get(link).then().statusCode(200).extract().jsonPath();
        assertThat(reports.getInt("total")).isEqualTo(3);
        assertThat(reports.getList("items.unitId")).containsOnly(late);

        String html = given().accept(ContentType.HTML).get("/api/v1/briefings/" + b.getString("id")).then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("报送时效", "data-unit=\"" + late + "\"", "class=\"late\"",
                "href=\"" + link.replace("&", "&amp;") + "\"");
    }

    @Test
    void activeWarningsAtThePeriodEndAreInTheBriefingItsNarrativeAndItsHash() {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        Instant to = day.plus(Duration.ofDays(1));
        sendAndWait(day, to, 1, Classifications.report().region("610926").at(day.plus(Duration.ofHours(2))));
        String before = post(day, to, "610926", null).then().statusCode(201).extract().path("contentHash");

        UUID alertId = UUID.randomUUID();
        alerts.raise(new AlertSummary(alertId, "610926", "SOCIAL_CONFLICT", "SPIKE", "II", "RAISED",
                "平利县欠薪纠纷报告激增", day.plus(Duration.ofHours(20))));
        alerts.raise(new AlertSummary(UUID.randomUUID(), "610926", "PUBLIC_SAFETY", "SPIKE", "III", "RAISED",
                "平利县山体滑坡预警（时段结束后发布）", to.plus(Duration.ofHours(1))));
        JsonPath b = post(day, to, "610926", null).then().statusCode(201).extract().jsonPath();
        assertThat(b.getList("activeAlerts.alertId")).containsExactly(alertId.toString());
        assertThat(b.getString("activeAlerts[0].headline")).isEqualTo("平利县欠薪纠纷报告激增");
        assertThat(b.getList("narrative.paragraphs", String.class))
                .contains("时段结束时有效预警 1 条：平利县 II级 “平利县欠薪纠纷报告激增”。");
        assertThat(b.getString("contentHash")).isNotEqualTo(before);

        String html = given().accept(ContentType.HTML).get("/api/v1/briefings/" + b.getString("id")).then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("有效预警", "平利县欠薪纠纷报告激增", "II 重大").doesNotContain("山体滑坡");
    }

    @Test
    void regeneratingABriefingFromTheSameDataGivesTheSameNarrativeTimelinessWarningsAndHash() {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        Instant to = day.plus(Duration.ofDays(1));
        sendAndWait(day, to, 3,
                Classifications.report().region("610929").unit("u-a").delay(Duration.ofHours(4)).severity("II").at(day.plus(Duration.ofHours(1))),
                Classifications.report().region("610929").unit("u-b").category("PUBLIC_SAFETY").at(day.plus(Duration.ofHours(1))),
                Classifications.report().region("610929").unit("u-c").category("CYBER_SECURITY").at(day.plus(Duration.ofHours(1))));
        alerts.raise(new AlertSummary(UUID.randomUUID(), "610929", "PUBLIC_ORDER", "SUSTAINED_RISE", "III", "ACKNOWLEDGED",
                "白河县诈骗报告持续上升", day.plus(Duration.ofHours(2))));
        alerts.raise(new AlertSummary(UUID.randomUUID(), "610929", "PUBLIC_SAFETY", "SEVERE_REPORT", "III", "RAISED",
                "白河县较大事故", day.plus(Duration.ofHours(2))));

        JsonPath first = post(day, to, "610929", null).then().statusCode(201).extract().jsonPath();
        JsonPath second = post(day, to, "610929", null).then().statusCode(201).extract().jsonPath();
        assertThat(second.getString("id")).isNotEqualTo(first.getString("id"));
        for (String section : List.of("narrative", "timeliness", "activeAlerts", "mostSevere", "cells")) {
            assertThat((Object) second.get(section)).as(section).isEqualTo(first.get(section));
        }
        assertThat(first.getList("activeAlerts")).hasSize(2);
        assertThat(second.getString("contentHash")).isEqualTo(first.getString("contentHash"));

        JsonPath english = post(day, to, "610929", "en").then().statusCode(201).extract().jsonPath();
        assertThat(english.getString("narrative.language")).isEqualTo("en");
        assertThat(english.getString("narrative.paragraphs[0]")).startsWith("Briefing (白河县, ").contains("3 reports received");
        assertThat(english.getString("contentHash")).isNotEqualTo(first.getString("contentHash"));
        post(day, to, "610929", "fr").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("language"));
    }

    @Test
    void briefingAsPdfEmbedsAChineseFontSoItsTextIsChinese() throws IOException {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        Instant to = day.plus(Duration.ofDays(1));
        sendAndWait(day, to, 2,
                Classifications.report().region("610926").category("PUBLIC_SAFETY").severity("I").title("平利县化工厂爆炸")
                        .at(day.plus(Duration.ofHours(3))),
                Classifications.report().region("610926").title("电信诈骗").at(day.plus(Duration.ofHours(4))));
        String id = post(day, to, "610926", null).then().statusCode(201).extract().path("id");

        Response pdf = given().accept("application/pdf").get("/api/v1/briefings/" + id);
        pdf.then().statusCode(200).contentType("application/pdf");
        byte[] bytes = pdf.asByteArray();
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = PDDocument.load(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("即时简报：平利县", "平利县化工厂爆炸", "综述", "报送时效", "有效预警");
            Path png = Path.of("target", "briefing-pdf-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png", png.toFile());
            assertThat(Files.size(png)).isPositive();
        }
        Path file = Path.of("target", "briefing-sample.pdf");
        Files.write(file, bytes);

        byte[] viaParam = given().get("/api/v1/briefings/" + id + "?format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(viaParam, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        given().accept("application/pdf").get("/api/v1/briefings/latest").then().statusCode(200)
                .contentType("application/pdf");
        given().get("/api/v1/briefings/" + id + "?format=doc").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void htmlPageHasAPrintStylesheetAndIsWellFormedXml() throws Exception {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        Instant to = day.plus(Duration.ofDays(1));
        sendAndWait(day, to, 1, Classifications.report().region("610926").title("A & B <c>").at(day.plus(Duration.ofHours(3))));
        String id = post(day, to, null, null).then().statusCode(201).extract().path("id");
        String html = given().accept(ContentType.HTML).get("/api/v1/briefings/" + id).then().statusCode(200).extract()
                .asString();
        assertThat(html).contains("@media print", "@page", "<h2>综述</h2>");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // the PDF is rendered from this page, which must therefore parse as XML
        f.newDocumentBuilder().parse(new ByteArrayInputStream(html.replace("<!DOCTYPE html>", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void atomFeedListsGeneratedBriefingsWithLinksToHtmlAndPdf() throws Exception {
        Instant day = Classifications.freshWindow().plus(Duration.ofDays(2));
        sendAndWait(day, day.plus(Duration.ofDays(1)), 1, Classifications.report().region("610926").at(day.plus(Duration.ofHours(3))));
        String id = post(day, day.plus(Duration.ofDays(1)), "610926", null).then().statusCode(201).extract().path("id");

        Response feed = given().get("/api/v1/briefings/feed");
        feed.then().statusCode(200).contentType("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.asByteArray()));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        String atom = "http://www.w3.org/2005/Atom";
        assertThat(doc.getElementsByTagNameNS(atom, "updated").getLength()).isPositive();
        assertThat(text(root, "title")).isNotBlank();
        assertThat(text(root, "id")).isNotBlank();

        NodeList entries = doc.getElementsByTagNameNS(atom, "entry");
        Element entry = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (text(e, "id").equals("urn:uuid:" + id)) {
                entry = e;
            }
        }
        assertThat(entry).as("entry of briefing " + id).isNotNull();
        assertThat(text(entry, "title")).contains("平利县");
        assertThat(text(entry, "summary")).contains("平利县");
        List<String> links = new ArrayList<>();
        NodeList ls = entry.getElementsByTagNameNS(atom, "link");
        for (int i = 0; i < ls.getLength(); i++) {
            Element l = (Element) ls.item(i);
            links.add(l.getAttribute("type") + " " + l.getAttribute("href"));
        }
        assertThat(links).anySatisfy(l -> assertThat(l).startsWith("text/html ").endsWith("/api/v1/briefings/" + id + "?format=html"))
                .anySatisfy(l -> assertThat(l).startsWith("application/pdf ").endsWith("/api/v1/briefings/" + id + "?format=pdf"));
        String pdfHref = links.stream().filter(l -> l.startsWith("application/pdf ")).findFirst().orElseThrow().substring(16);
        given().get(java.net.URI.create(pdfHref).getRawPath() + "?format=pdf").then().statusCode(200).contentType("application/pdf");
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent();
            }
        }
        return "";
    }
}
