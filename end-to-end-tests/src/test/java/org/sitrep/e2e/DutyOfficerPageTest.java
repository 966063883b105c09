package org.sitrep.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.sitrep.contracts.CloudEventSender;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.infra.TestInfrastructure;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The duty-officer page of briefing-service in a real headless Chromium, with the three packaged services running as
 * processes on the embedded Kafka broker and PostgreSQL server: the situation grid shows the figures of the reports
 * submitted to report-ingest-service, a cell drills down to its reports, and alerts appear in the live feed without a
 * reload. Screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DutyOfficerPageTest {

    /** The system's browser and its driver (Debian packages chromium, chromium-driver): nothing is downloaded. */
    static final String CHROMIUM = System.getProperty("sitrep.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("sitrep.chromedriver", "/usr/bin/chromedriver");
    static final Duration UI_WAIT = Duration.ofSeconds(20);

    static Platform platform;
    static ServiceProcess ingest;
    static ServiceProcess briefing;
    static Path root;
    static Path userDataDir;
    static WebDriver driver;
    /** region code → category → reports seeded there (as classified by risk-analysis-service). */
    static final Map<String, Map<String, Integer>> SEEDED = new HashMap<>();
    static final List<Seeded> SEEDS = new ArrayList<>();

    record Seeded(String id, String unit, String region, String title, String category) {
    }

    @BeforeAll
    static void startPlatformAndBrowser() throws IOException {
        assertThat(Path.of(CHROMIUM)).as("chromium is missing: apt-get install chromium chromium-driver (.ci/run does)")
                .isExecutable();
        assertThat(Path.of(CHROMEDRIVER)).as("chromedriver is missing: apt-get install chromium-driver").isExecutable();
        platform = Platform.start();
        root = platform.root;
        ingest = platform.ingest;
        briefing = platform.briefing;
        seed();
        driver = browser();
    }

    /** Reports in regions no other end-to-end test uses (岚皋县, 石泉县, 商州区), so the cells' counts are exact. */
    private static void seed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String[]> reports = List.of(
                new String[] { "langao-gaj", "610925", "岚皋县冒充公检法诈骗案",
                        "城关派出所接报，辖区居民王某接到自称公安民警的电话，称其涉嫌洗钱需配合调查，被骗转账5.2万元。" },
                new String[] { "langao-gaj", "610925", "岚皋县网络刷单诈骗",
                        "大道河镇居民陈某在网上兼职刷单，先后向对方账户转账3.1万元后无法提现，发现被骗后报警。" },
                new String[] { "langao-yjj", "610925", "岚皋县民房火灾",
                        "佐龙镇一处民房因电线老化起火，烧毁房屋2间，无人员伤亡，消防救援站已将明火扑灭。" },
                new String[] { "shiquan-xfj", "610922", "石泉县务工人员讨要欠薪",
                        "池河镇一在建项目工地聚集务工人员约30人，反映施工方拖欠工资80余万元，要求尽快结清。" },
                new String[] { "shangzhou-wxb", "611002", "商州区教育局网站被篡改",
                        "区教育局门户网站首页被植入赌博链接，经排查为内容管理系统漏洞遭利用，已下线整改并保存日志。" });
        int i = 0;
        for (String[] r : reports) {
            Instant occurredAt = now.minus(1 + i++, ChronoUnit.HOURS);
            Response response = post(ingest.url() + "/api/v1/reports",
                    body(r[0], r[1], occurredAt, r[2], r[3], "page-" + UUID.randomUUID()));
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
            SEEDS.add(new Seeded(response.path("id"), r[0], r[1], r[2], null));
        }
        // the grid must show what the platform made of them: count each seeded report in the cell it was classified into
        List<Seeded> classified = new ArrayList<>();
        for (Seeded s : SEEDS) {
            String category = await("classification of " + s.title()).atMost(Duration.ofSeconds(60))
                    .until(() -> given().get(ingest.url() + "/api/v1/reports/" + s.id()).<String>path("category"),
                            c -> c != null);
            classified.add(new Seeded(s.id(), s.unit(), s.region(), s.title(), category));
            SEEDED.computeIfAbsent(s.region(), k -> new HashMap<>()).merge(category, 1, Integer::sum);
        }
        SEEDS.clear();
        SEEDS.addAll(classified);
        await("the situation map counts every seeded report").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Response ankang = given().queryParam("regionCode", "610900").get(briefing.url() + "/api/v1/situation");
            assertThat(ankang.<Integer>path("regions.find { it.regionCode == '610925' }.total")).isEqualTo(3);
            assertThat(ankang.<Integer>path("regions.find { it.regionCode == '610922' }.total")).isEqualTo(1);
            Response shangluo = given().queryParam("regionCode", "611000").get(briefing.url() + "/api/v1/situation");
            assertThat(shangluo.<Integer>path("totals.ALL")).isEqualTo(1);
        });
    }

    private static WebDriver browser() throws IOException {
        userDataDir = Files.createTempDirectory("sitrep-chromium-");
        Path logs = root.resolve("end-to-end-tests/target/e2e-logs");
        Files.createDirectories(logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(logs.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userDataDir, "--window-size=1440,900", "--lang=zh-CN");
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    @AfterAll
    static void stopEverything() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
            if (userDataDir != null) {
                try (Stream<Path> files = Files.walk(userDataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    @Order(1)
    void theGridShowsTheSeededFiguresAndACellDrillsDownToItsReports() throws IOException {
        Instant now = Instant.now();
        String briefingId = given().contentType(ContentType.JSON)
                .body("{\"from\":\"" + now.minus(Duration.ofHours(24)) + "\",\"to\":\"" + now + "\",\"regionCode\":\"610900\"}")
                .post(briefing.url() + "/api/v1/briefings").then().statusCode(201).extract().path("id");
        driver.get(briefing.url() + "/");
        assertThat(driver.getTitle()).contains("值班态势");

        // province level: one row per city; 商洛市 holds exactly the one seeded report
        Seeded shangzhou = SEEDS.stream().filter(s -> s.region().equals("611002")).findFirst().orElseThrow();
        assertThat(cellCount("611000", shangzhou.category())).isEqualTo(1);
        assertThat(driver.findElements(By.cssSelector("#situation-body tr"))).hasSize(10);
        assertThat(text(By.cssSelector("#situation-body th[data-region='611000']"))).isEqualTo("商洛市");

        // roll-up level 安康市: its counties, with the exact counts seeded into 岚皋县 and 石泉县
        new Select(driver.findElement(By.id("scope-select"))).selectByValue("610900");
        waitFor(() -> "610900".equals(driver.findElement(By.id("situation-grid")).getAttribute("data-scope"))
                && !driver.findElements(By.cssSelector("#situation-body tr[data-region='610925']")).isEmpty());
        for (String region : List.of("610925", "610922")) {
            for (Map.Entry<String, Integer> cell : SEEDED.get(region).entrySet()) {
                assertThat(cellCount(region, cell.getKey())).as(region + " " + cell.getKey()).isEqualTo(cell.getValue());
            }
            assertThat(cellCount(region, "ALL")).isEqualTo(SEEDED.get(region).values().stream().mapToInt(Integer::intValue).sum());
        }
        for (String category : List.of("POLITICAL_SECURITY", "PUBLIC_ORDER", "SOCIAL_CONFLICT", "PUBLIC_SAFETY", "CYBER_SECURITY")) {
            if (!SEEDED.get("610922").containsKey(category)) {
                assertThat(cellCount("610922", category)).as("610922 " + category).isZero();
            }
        }
        // the 7-day period holds the same reports
        String from24h = driver.findElement(By.id("situation-grid")).getAttribute("data-from");
        new Select(driver.findElement(By.id("period-select"))).selectByValue("7d");
        waitFor(() -> !from24h.equals(driver.findElement(By.id("situation-grid")).getAttribute("data-from")));
        assertThat(Duration.between(Instant.parse(driver.findElement(By.id("situation-grid")).getAttribute("data-from")),
                Instant.parse(driver.findElement(By.id("situation-grid")).getAttribute("data-to")))).isEqualTo(Duration.ofDays(7));
        assertThat(cellCount("610925", "ALL")).isEqualTo(3);
        new Select(driver.findElement(By.id("period-select"))).selectByValue("24h");
        waitFor(() -> text(By.id("situation-period")).contains("最近 24 小时"));

        // every cell has an arrow or a dash against the previous period (nothing was reported there before)
        assertThat(text(cell("610925", SEEDS.get(0).category()).findElement(By.cssSelector(".change"))))
                .isEqualTo("↑" + SEEDED.get("610925").get(SEEDS.get(0).category()));
        screenshot("situation-ankang");

        // drill-down: the cell's reports with title, unit, time and severity
        Seeded fraud = SEEDS.get(0);
        cell("610925", fraud.category()).click();
        waitFor(() -> driver.findElements(By.cssSelector("#drilldown-list li.report-item")).size()
                == SEEDED.get("610925").get(fraud.category()));
        WebElement item = driver.findElement(By.cssSelector("#drilldown-list li[data-report-id='" + fraud.id() + "']"));
        assertThat(text(item.findElement(By.cssSelector(".report-title")))).isEqualTo(fraud.title());
        assertThat(text(item.findElement(By.cssSelector(".report-unit")))).contains(fraud.unit());
        assertThat(text(item.findElement(By.cssSelector(".report-time")))).matches(".*\\d{2}:\\d{2}.*");
        assertThat(text(item.findElement(By.cssSelector(".sev")))).matches("(I|II|III|IV) 级.*");
        assertThat(text(By.id("drilldown-title"))).contains("岚皋县");
        screenshot("drilldown");

        // the latest briefings link to the briefing, which a browser gets as HTML
        By briefingLink = By.cssSelector("#briefing-list li[data-briefing-id='" + briefingId + "'] a");
        waitFor(() -> !driver.findElements(briefingLink).isEmpty());
        String href = driver.findElement(briefingLink).getAttribute("href");
        assertThat(href).isEqualTo(briefing.url() + "/api/v1/briefings/" + briefingId);
        driver.get(href);
        assertThat(driver.getPageSource()).contains("岚皋县", fraud.title());
    }

    @Test
    @Order(2)
    void anAlertRecordOnRiskAlertsAppearsAtTheTopOfTheFeedWithoutReload() throws IOException {
        openPageWithLiveStream();
        String alertId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String json = "{\"alertId\":\"" + alertId + "\",\"version\":1,\"status\":\"RAISED\",\"kind\":\"SPIKE\","
                + "\"regionCode\":\"610925\",\"regionName\":\"岚皋县\",\"regionLevel\":\"COUNTY\",\"category\":\"PUBLIC_ORDER\","
                + "\"severity\":\"III\",\"day\":null,\"observed\":6,\"expected\":1.2,\"pValue\":0.001,\"cusum\":null,"
                + "\"headline\":\"岚皋县电信诈骗警情突增 <img src=x onerror=alert(1)>\",\"description\":null,"
                + "\"reportIds\":[],\"raisedAt\":\"" + now + "\",\"updatedAt\":\"" + now + "\",\"expiresAt\":\""
                + now.plus(Duration.ofDays(1)) + "\",\"acknowledgedAt\":null,\"acknowledgedBy\":null,\"resolvedAt\":null}";
        try (CloudEventSender sender = new CloudEventSender(TestInfrastructure.get().bootstrapServers())) {
            sender.send(Contract.RISK_ALERT, "org.sitrep.alert.raised.v1", "610925", json);
        }
        By item = By.cssSelector("#alert-feed li.alert-item[data-alert-id='" + alertId + "']");
        waitFor(() -> !driver.findElements(item).isEmpty());
        WebElement alert = driver.findElement(item);
        assertThat(text(alert.findElement(By.cssSelector(".alert-headline")))).isEqualTo("岚皋县电信诈骗警情突增 <img src=x onerror=alert(1)>");
        assertThat(alert.findElements(By.tagName("img"))).isEmpty();
        assertThat(text(alert.findElement(By.cssSelector(".alert-region")))).isEqualTo("岚皋县");
        assertThat(text(alert.findElement(By.cssSelector(".alert-category")))).isEqualTo("社会治安");
        assertThat(alert.getAttribute("class")).contains("level-III");
        assertThat(driver.findElement(By.cssSelector("#alert-feed li.alert-item")).getAttribute("data-alert-id")).isEqualTo(alertId);
        assertNotReloaded();
    }

    @Test
    @Order(3)
    void aGradeIIReportRaisesAnAlertThatAppearsInTheFeedWithoutReloadAndIsAcknowledgedThere() throws IOException {
        openPageWithLiveStream();
        Instant occurredAt = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Response response = post(ingest.url() + "/api/v1/reports", body("pingli-jtj", "610926", occurredAt,
                "平利县国道客车与货车相撞事故",
                "11月24日上午，G541国道平利县长安镇路段一辆客车与一辆重型货车相撞，造成12人死亡、9人受伤，伤者已送医救治，事故原因正在调查。",
                "page-" + UUID.randomUUID()));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        String reportId = response.path("id");

        By item = By.cssSelector("#alert-feed li.alert-item[data-region='610926'][data-category='PUBLIC_SAFETY']");
        try {
            await("an alert for the grade-II report in the feed").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).until(() -> !driver.findElements(item).isEmpty());
        } finally {
            screenshot("alert-feed");
        }
        WebElement alert = driver.findElement(item);
        assertThat(alert.getAttribute("data-severity")).isIn("I", "II");
        assertThat(alert.getAttribute("class")).containsPattern("level-(I|II)\\b");
        assertThat(text(alert.findElement(By.cssSelector(".alert-region")))).isEqualTo("平利县");
        assertThat(text(alert.findElement(By.cssSelector(".alert-time")))).matches(".*\\d{2}:\\d{2}.*");
        // ingest-service learns the grade from the same classification event, on its own consumer: it may lag the feed
        await("ingest-service records the grade").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().get(ingest.url() + "/api/v1/reports/" + reportId).<String>path("severity") != null);
        assertThat(given().get(ingest.url() + "/api/v1/reports/" + reportId).<String>path("severity")).isIn("I", "II");
        assertNotReloaded();

        // the duty officer acknowledges it on the page: risk-analysis-service records it, the stream brings it back
        String alertId = alert.getAttribute("data-alert-id");
        WebElement officer = driver.findElement(By.id("officer-name"));
        officer.clear();
        officer.sendKeys("值班员王磊");
        alert.findElement(By.cssSelector(".ack-button")).click();
        By acknowledged = By.cssSelector("#alert-feed li.alert-item[data-alert-id='" + alertId + "'][data-status='ACKNOWLEDGED']");
        try {
            await("the alert acknowledged on the page").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !driver.findElements(acknowledged).isEmpty());
        } finally {
            screenshot("alert-acknowledged");
        }
        WebElement done = driver.findElement(acknowledged);
        assertThat(text(done.findElement(By.cssSelector(".alert-ack")))).startsWith("值班员王磊 于").endsWith("签收");
        assertThat(done.findElements(By.cssSelector(".ack-button"))).isEmpty();
        assertThat(given().get(platform.risk.url() + "/api/v1/alerts/" + alertId).<String>path("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(given().get(platform.risk.url() + "/api/v1/alerts/" + alertId).<String>path("acknowledgedBy")).isEqualTo("值班员王磊");
        assertNotReloaded();
    }

    @Test
    @Order(4)
    void aDutyOfficerGeneratesABriefingOfWhatTheGridShows() throws IOException {
        openPageWithLiveStream();
        cell("610900", "PUBLIC_ORDER"); // the grid has loaded its period
        List<String> before = driver.findElements(By.cssSelector("#briefing-list li.briefing-item")).stream()
                .map(e -> e.getAttribute("data-briefing-id")).toList();
        driver.findElement(By.id("generate-button")).click();
        By fresh = By.cssSelector("#briefing-list li.briefing-item.fresh");
        try {
            await("the new briefing at the top of the list").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !driver.findElements(fresh).isEmpty());
        } finally {
            screenshot("briefing-generated");
        }
        String id = driver.findElement(fresh).getAttribute("data-briefing-id");
        assertThat(before).doesNotContain(id);
        assertThat(driver.findElement(By.cssSelector("#briefing-list li.briefing-item")).getAttribute("data-briefing-id"))
                .isEqualTo(id);
        // the briefing covers the grid's period and scope: same period, and its report count is the grid's total
        Response b = given().get(briefing.url() + "/api/v1/briefings/" + id);
        assertThat(b.<String>path("kind")).isEqualTo("ON_DEMAND");
        WebElement grid = driver.findElement(By.id("situation-grid"));
        assertThat(Instant.parse(b.path("from"))).isEqualTo(Instant.parse(grid.getAttribute("data-from")));
        assertThat(Instant.parse(b.path("to"))).isEqualTo(Instant.parse(grid.getAttribute("data-to")));
        int gridTotal = Integer.parseInt(text(driver.findElement(
                By.cssSelector("#situation-foot tr.totals td.cell[data-category='ALL'] .count"))));
        assertThat(gridTotal).isPositive();
        assertThat(b.<Integer>path("headline.reportCount")).isEqualTo(gridTotal);
        assertNotReloaded();
    }

    /** Opens the page, waits for the live stream, and marks the window so a reload would be noticed. */
    private static void openPageWithLiveStream() {
        driver.get(briefing.url() + "/");
        waitFor(() -> "open".equals(driver.findElement(By.id("stream-status")).getAttribute("data-state")));
        ((JavascriptExecutor) driver).executeScript("window.__sitrepNoReload = 'still here';");
    }

    private static void assertNotReloaded() {
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__sitrepNoReload;")).isEqualTo("still here");
    }

    private static WebElement cell(String region, String category) {
        By by = By.cssSelector("#situation-body td.cell[data-region='" + region + "'][data-category='" + category + "']");
        waitFor(() -> !driver.findElements(by).isEmpty());
        return driver.findElement(by);
    }

    private static int cellCount(String region, String category) {
        WebElement cell = cell(region, category);
        int count = Integer.parseInt(text(cell.findElement(By.cssSelector(".count"))));
        assertThat(cell.getAttribute("data-count")).isEqualTo(String.valueOf(count));
        return count;
    }

    private static String text(By by) {
        return text(driver.findElement(by));
    }

    private static String text(WebElement e) {
        return e.getText().trim();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(UI_WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(condition);
    }

    private static void screenshot(String name) throws IOException {
        Path dir = root.resolve("end-to-end-tests/target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static Response post(String url, String json) {
        return given().contentType(ContentType.JSON).body(json).post(url);
    }

    private static String body(String unit, String region, Instant occurredAt, String title, String text, String externalId) {
        return "{\"unitId\":\"" + unit + "\",\"regionCode\":\"" + region + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"title\":\"" + title + "\",\"body\":\"" + text + "\",\"externalId\":\"" + externalId + "\"}";
    }
}
