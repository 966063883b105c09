package org.sitrep.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.sitrep.ingest.IngestTestSupport.freshUnit;
import static org.sitrep.ingest.IngestTestSupport.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.sitrep.ingest.persistence.ReportEntity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every rejection is an application/problem+json 4xx naming the field, and stores nothing. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class BadInputTest {

    static final String UNIT = freshUnit();

    static Stream<Arguments> badReports() {
        String good = report(UNIT, "");
        String future = Instant.now().plus(11, ChronoUnit.MINUTES).toString();
        return Stream.of(
                Arguments.of("malformed JSON", good.substring(0, good.length() - 5).getBytes(StandardCharsets.UTF_8), 400, "$"),
                Arguments.of("JSON array instead of object", "[1,2,3]".getBytes(StandardCharsets.UTF_8), 400, "$"),
                Arguments.of("JSON string", "\"report\"".getBytes(StandardCharsets.UTF_8), 400, "$"),
                Arguments.of("empty body", new byte[0], 400, "$"),
                Arguments.of("missing body field", good.replaceAll(",\"body\":\"[^\"]*\"", "").getBytes(StandardCharsets.UTF_8), 400, "body"),
                Arguments.of("unitId of wrong type", good.replace("\"unitId\":\"" + UNIT + "\"", "\"unitId\":7").getBytes(StandardCharsets.UTF_8), 400, "unitId"),
                Arguments.of("unknown region", good.replace("610924", "610999").getBytes(StandardCharsets.UTF_8), 400, "regionCode"),
                Arguments.of("occurredAt in the future", good.replaceAll("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"" + future + "\"").getBytes(StandardCharsets.UTF_8), 400, "occurredAt"),
                Arguments.of("occurredAt before 2000", good.replaceAll("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"1998-07-01T00:00:00Z\"").getBytes(StandardCharsets.UTF_8), 400, "occurredAt"),
                Arguments.of("occurredAt without offset", good.replaceAll("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"2026-11-20 10:00\"").getBytes(StandardCharsets.UTF_8), 400, "occurredAt"),
                Arguments.of("negative casualties", report(UNIT, "\"casualties\":{\"deaths\":-2}").getBytes(StandardCharsets.UTF_8), 400, "casualties.deaths"),
                Arguments.of("body over 20,000 characters", good.replace("无人员伤亡", "无".repeat(20_001)).getBytes(StandardCharsets.UTF_8), 400, "body"),
                Arguments.of("NUL in body", good.replace("无人员伤亡", "无\\u0000人").getBytes(StandardCharsets.UTF_8), 400, "body"),
                Arguments.of("absurd nesting", ("{\"unitId\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8), 400, "$"),
                Arguments.of("invalid UTF-8", invalidUtf8(good), 400, "$"),
                Arguments.of("request too large", ("{\"body\":\"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8), 413, "$"));
    }

    private static byte[] invalidUtf8(String good) {
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        int at = good.indexOf("滑坡");
        int byteAt = good.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        bytes[byteAt] = (byte) 0xFF;
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void badReportIsAProblemNamingTheFieldAndStoresNothing(String name, byte[] body, int status, String field) {
        long before = ReportEntity.count();
        given().contentType("application/json").body(body).post("/api/v1/reports").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(status))
                .body("violations.field", hasItem(field));
        assertThat(ReportEntity.count()).isEqualTo(before);
    }

    @Test
    void unsupportedMediaTypeIs415() {
        long before = ReportEntity.count();
        given().contentType("text/plain").body(report(UNIT, "")).post("/api/v1/reports").then().statusCode(415)
                .contentType("application/problem+json").body("violations.field", hasItem("Content-Type"));
        given().contentType("application/json; charset=ISO-8859-1").body(report(UNIT, "").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/reports").then().statusCode(415).contentType("application/problem+json");
        given().contentType("application/xml").body("<report/>").post("/api/v1/reports/batch").then().statusCode(415)
                .contentType("application/problem+json");
        assertThat(ReportEntity.count()).isEqualTo(before);
    }

    @Test
    void malformedIdempotencyKeyIsNamed() {
        long before = ReportEntity.count();
        given().contentType("application/json").header("Idempotency-Key", "x".repeat(200)).body(report(UNIT, ""))
                .post("/api/v1/reports").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));
        assertThat(ReportEntity.count()).isEqualTo(before);
    }

    @Test
    void unknownPathAndWrongMethodAreProblemsToo() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{}").put("/api/v1/reports").then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void batchThatIsNotABatchIsRefusedWhole() {
        long before = ReportEntity.count();
        given().contentType("application/json").body("{\"items\":[]}").post("/api/v1/reports/batch").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("reports"));
        given().contentType("application/json").body("{\"reports\":[]}").post("/api/v1/reports/batch").then().statusCode(400)
                .body("violations.field", hasItem("reports"));
        given().contentType("application/json").body("{\"reports\":[42]}").post("/api/v1/reports/batch").then().statusCode(200)
                .body("results[0].status", org.hamcrest.Matchers.equalTo("REJECTED"))
                .body("results[0].problem.violations[0].field", org.hamcrest.Matchers.equalTo("reports[0]"));
        assertThat(ReportEntity.count()).isEqualTo(before);
    }
}
