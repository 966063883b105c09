package org.sitrep.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.sitrep.ingest.IngestTestSupport.freshUnit;
import static org.sitrep.ingest.IngestTestSupport.report;
import static org.sitrep.ingest.IngestTestSupport.reportsOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class ReportSubmissionTest {

    private static Response submit(String json, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(json);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/reports");
    }

    @Test
    void acceptedReportAnswers202WithLocationAndIsStoredAsReceived() {
        String unit = freshUnit();
        Response response = submit(report(unit, "\"casualties\":{\"deaths\":0,\"injured\":1},\"location\":{\"lat\":32.52,\"lon\":108.53}"), null);
        response.then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/reports/[0-9a-f-]{36}"))
                .body("status", equalTo("RECEIVED"))
                .body("receivedAt", notNullValue());
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith(id);

        given().get("/api/v1/reports/{id}", id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("unitId", equalTo(unit))
                .body("regionCode", equalTo("610924"))
                .body("regionName", equalTo("紫阳县"))
                .body("status", equalTo("RECEIVED"))
                .body("casualties.injured", equalTo(1))
                .body("location.lat", equalTo(32.52f));
        assertThat(reportsOf(unit)).isEqualTo(1);
    }

    @Test
    void duplicateSubmissionWithSameIdempotencyKeyReturnsOriginalReport() {
        String unit = freshUnit();
        String json = report(unit, "");
        String first = submit(json, "key-1").then().statusCode(202).extract().path("id");
        Response retry = submit(json, "key-1");
        retry.then().statusCode(202).body("id", equalTo(first)).header("Idempotent-Replayed", "true");
        assertThat(reportsOf(unit)).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithDifferentPayloadIsRefusedAndStoresNothing() {
        String unit = freshUnit();
        submit(report(unit, ""), "key-2").then().statusCode(202);
        submit(report(unit, "\"declaredCategory\":\"PUBLIC_SAFETY\""), "key-2").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));
        assertThat(reportsOf(unit)).isEqualTo(1);
    }

    @Test
    void retryIdentifiedByUnitAndExternalIdReturnsOriginalAndConflictingContentIs409() {
        String unit = freshUnit();
        String json = report(unit, "\"externalId\":\"ZY-2026-0117\"");
        String first = submit(json, null).then().statusCode(202).extract().path("id");
        submit(json, null).then().statusCode(202).body("id", equalTo(first));
        submit(report(unit, "\"externalId\":\"ZY-2026-0117\",\"declaredCategory\":\"PUBLIC_SAFETY\""), null)
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", hasItem("externalId"));
        // another unit may use the same external id for its own report
        submit(report(freshUnit(), "\"externalId\":\"ZY-2026-0117\""), null).then().statusCode(202);
        assertThat(reportsOf(unit)).isEqualTo(1);
    }

    @Test
    void concurrentIdenticalSubmissionsEndAsOneReport() throws Exception {
        String unit = freshUnit();
        String json = report(unit, "\"externalId\":\"race-1\"");
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return submit(json, "race-key");
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertThat(r.statusCode()).isEqualTo(202);
                ids.add(r.path("id"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reportsOf(unit)).isEqualTo(1);
    }

    @Test
    void batchAnswersPerItemSoOneBadItemDoesNotSinkTheRest() {
        String unit = freshUnit();
        String good1 = report(unit, "\"externalId\":\"b-1\"");
        String bad = report(unit, "\"externalId\":\"b-2\"").replace("610924", "000000");
        String good2 = report(unit, "\"externalId\":\"b-3\"");
        String batch = "{\"reports\":[" + good1 + "," + bad + "," + good2 + "]}";
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/reports/batch").then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(1))
                .body("results[0].status", equalTo("ACCEPTED"))
                .body("results[1].status", equalTo("REJECTED"))
                .body("results[1].problem.violations[0].field", equalTo("reports[1].regionCode"))
                .body("results[2].status", equalTo("ACCEPTED"));
        assertThat(reportsOf(unit)).isEqualTo(2);

        // the same batch again creates nothing new: items are retried by externalId
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/reports/batch").then().statusCode(200)
                .body("accepted", equalTo(2)).body("results[0].replayed", equalTo(true));
        assertThat(reportsOf(unit)).isEqualTo(2);
    }

    @Test
    void batchOfMoreThanAThousandReportsIsRefusedWhole() {
        String unit = freshUnit();
        String item = report(unit, "");
        String batch = "{\"reports\":[" + String.join(",", java.util.Collections.nCopies(1001, item)) + "]}";
        given().contentType(ContentType.JSON).body(batch).post("/api/v1/reports/batch").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("reports"));
        assertThat(reportsOf(unit)).isZero();
    }

    @Test
    void listFiltersByUnitRegionAndTimeAndPages() {
        String unit = freshUnit();
        for (int i = 0; i < 3; i++) {
            submit(report(unit, "\"externalId\":\"l-" + i + "\""), null).then().statusCode(202);
        }
        given().queryParam("unitId", unit).queryParam("size", 2).get("/api/v1/reports").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2)).body("items[0].unitId", equalTo(unit));
        given().queryParam("unitId", unit).queryParam("size", 2).queryParam("page", 1).get("/api/v1/reports").then()
                .body("items.size()", equalTo(1));
        // Ankang city (610900) includes Ziyang county (610924); Hanzhong (610700) does not
        given().queryParam("unitId", unit).queryParam("regionCode", "610900").get("/api/v1/reports").then().body("total", equalTo(3));
        given().queryParam("unitId", unit).queryParam("regionCode", "610700").get("/api/v1/reports").then().body("total", equalTo(0));
        given().queryParam("unitId", unit).queryParam("from", Instant.now().toString()).get("/api/v1/reports").then()
                .body("total", equalTo(0));
        given().queryParam("page", "first").queryParam("from", "monday").get("/api/v1/reports").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("page"))
                .body("violations.field", hasItem("from"));
    }

    @Test
    void unknownOrMalformedReportIdIsAProblemNotAServerError() {
        given().get("/api/v1/reports/{id}", java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/reports/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"));
    }
}
