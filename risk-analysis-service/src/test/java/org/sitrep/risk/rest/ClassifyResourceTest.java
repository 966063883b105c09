package org.sitrep.risk.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class ClassifyResourceTest {

    @Test
    void classifiesAChineseFraudReport() {
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("title", "居民遭遇冒充客服电信诈骗",
                        "body", "城关镇居民王某接到自称电商平台客服的电话，称其购买的商品有质量问题可以退款，随后诱导其下载屏幕共享软件并转账，共被骗走4.6万元。派出所已立案侦查，正在追查涉案账户。"))
                .post("/api/v1/classify");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getString("category")).isEqualTo("PUBLIC_ORDER");
        Map<String, Float> scores = r.jsonPath().getMap("scores");
        assertThat(scores).containsOnlyKeys("POLITICAL_SECURITY", "PUBLIC_ORDER", "SOCIAL_CONFLICT", "PUBLIC_SAFETY",
                "CYBER_SECURITY");
        assertThat(scores.values().stream().mapToDouble(Float::doubleValue).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(r.jsonPath().getFloat("confidence")).isBetween(0f, 1f);
        assertThat(r.jsonPath().getString("severity")).isEqualTo("IV");
        assertThat(r.jsonPath().getList("evidence", String.class)).isNotEmpty();
        assertThat(r.jsonPath().getString("modelVersion")).startsWith("logreg-");
        assertThat(r.jsonPath().getString("taxonomyVersion")).isEqualTo("2026.1");
        assertThat(r.jsonPath().getBoolean("needsReview")).isNotNull();
    }

    @Test
    void classifiesAnEnglishLandslideReportAndGradesItByDeaths() {
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("body", "A landslide after two days of heavy rain buried four houses in a village of Ziyang county. "
                        + "Rescue teams recovered bodies overnight: 5 people were killed and 12 injured. Around 300 residents evacuated."))
                .post("/api/v1/classify");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getString("category")).isEqualTo("PUBLIC_SAFETY");
        assertThat(r.jsonPath().getString("severity")).isEqualTo("III");
    }

    @Test
    void missingBodyIsA400NamingTheField() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"title\":\"x\"}").post("/api/v1/classify"), 400, "body");
    }

    @Test
    void blankBodyIsA400NamingTheField() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"body\":\"   \"}").post("/api/v1/classify"), 400, "body");
    }

    @Test
    void bodyOverTwentyThousandCharactersIsA413NamingTheField() {
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("body", "火".repeat(20_001)))
                .post("/api/v1/classify"), 413, "body");
    }

    @Test
    void titleOverTwoHundredCharactersIsA400NamingTheField() {
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("title", "t".repeat(201), "body", "某地发生火灾"))
                .post("/api/v1/classify"), 400, "title");
    }

    @Test
    void wrongTypesAreA400NamingTheFields() {
        Response r = given().contentType(ContentType.JSON).body("{\"title\": 5, \"body\": [\"a\"]}").post("/api/v1/classify");
        assertProblem(r, 400, "title");
        assertThat(r.jsonPath().getList("violations.field")).contains("title", "body");
    }

    @Test
    void nonObjectJsonIsA400() {
        assertProblem(given().contentType(ContentType.JSON).body("[\"body\"]").post("/api/v1/classify"), 400, "$");
        assertProblem(given().contentType(ContentType.JSON).body("\"just a string\"").post("/api/v1/classify"), 400, "$");
    }

    @Test
    void malformedJsonIsA400() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"body\": \"unterminated").post("/api/v1/classify"), 400,
                "body");
    }

    @Test
    void emptyRequestIsA400() {
        assertProblem(given().contentType(ContentType.JSON).body("").post("/api/v1/classify"), 400, "$");
    }

    @Test
    void nonJsonContentTypeIsA415() {
        assertProblem(given().contentType(ContentType.TEXT).body("body=fire").post("/api/v1/classify"), 415, "Content-Type");
    }

    @Test
    void taxonomyListsTheFiveCategoriesWithNamesAndDefinitions() {
        Response r = given().get("/api/v1/taxonomy");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.jsonPath().getString("version")).isEqualTo("2026.1");
        List<Map<String, String>> categories = r.jsonPath().getList("categories");
        assertThat(categories).extracting(c -> c.get("code")).containsExactly("POLITICAL_SECURITY", "PUBLIC_ORDER",
                "SOCIAL_CONFLICT", "PUBLIC_SAFETY", "CYBER_SECURITY");
        assertThat(categories).allSatisfy(c -> {
            assertThat(c.get("nameZh")).isNotBlank();
            assertThat(c.get("nameEn")).isNotBlank();
            assertThat(c.get("definitionZh")).isNotBlank();
            assertThat(c.get("definitionEn")).isNotBlank();
        });
        assertThat(categories.get(0).get("nameZh")).isEqualTo("政治安全");
    }

    @Test
    void countsRejectBadParametersNamingThem() {
        assertProblem(given().queryParam("from", "yesterday").get("/api/v1/counts"), 400, "from");
        assertProblem(given().queryParam("regionCode", "61").get("/api/v1/counts"), 400, "regionCode");
        assertProblem(given().queryParam("regionCode", "999999").get("/api/v1/counts"), 400, "regionCode");
        assertProblem(given().queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/api/v1/counts"), 400, "from");
        assertProblem(given().queryParam("region", "610902").get("/api/v1/counts"), 400, "region");
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);
        assertThat(given().get("/q/metrics").asString()).contains("sitrep_outbox_pending");
        assertThat(given().get("/q/openapi").asString()).contains("/api/v1/classify");
    }

    static void assertProblem(Response r, int status, String field) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(r.jsonPath().getList("violations.field")).as(r.asString()).contains(field);
    }
}
