package org.sitrep.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What operators and API users rely on besides the API itself. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class OperationsEndpointsTest {

    @Test
    void healthChecksReportUpWithTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsExposeSubmissionsAndTheOutboxInPrometheusFormat() {
        given().contentType(ContentType.JSON).body(org.sitrep.ingest.IngestTestSupport.report(
                org.sitrep.ingest.IngestTestSupport.freshUnit(), "")).post("/api/v1/reports").then().statusCode(202);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sitrep_reports_submitted_total{outcome=\"created\"}"))
                .body(containsString("sitrep_outbox_pending"));
    }

    @Test
    void openApiDocumentDescribesTheReportEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/reports/batch"))
                .body(containsString("/api/v1/reports/{id}"));
    }
}
