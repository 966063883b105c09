package org.sitrep.briefing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The duty-officer page is served at / from static files that load nothing from elsewhere. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class DutyOfficerPageTest {

    @Test
    void thePageIsServedAtTheRootWithTheElementsTheBrowserTestUses() {
        String html = given().accept("text/html").get("/").then().statusCode(200).contentType("text/html")
                .extract().asString();
        assertThat(html).contains("<html lang=\"zh-CN\">", "id=\"situation-grid\"", "id=\"alert-feed\"",
                "id=\"briefing-list\"", "id=\"drilldown-list\"", "id=\"scope-select\"", "id=\"period-select\"",
                "src=\"app.js\"", "href=\"app.css\"");
    }

    @Test
    void theStaticFilesFetchNothingFromTheInternetAndNeverWriteDataAsHtml() {
        for (String file : new String[] { "/", "/app.js", "/app.css" }) {
            String body = given().get(file).then().statusCode(200).extract().asString();
            assertThat(body).as(file).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/")
                    .doesNotContain("@import");
        }
        String js = given().get("/app.js").then().statusCode(200).extract().asString();
        assertThat(js).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        assertThat(js).contains("new EventSource('/api/v1/alerts/stream')", "textContent");
    }
}
