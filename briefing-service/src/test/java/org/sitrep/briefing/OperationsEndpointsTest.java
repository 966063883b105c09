package org.sitrep.briefing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class OperationsEndpointsTest {

    @Inject
    Scheduler scheduler;

    @Test
    void dailyBriefingIsScheduledAtEightInTheOfficeZone() {
        Trigger daily = scheduler.getScheduledJob("sitrep-daily-briefing");
        assertThat(daily).isNotNull();
        ZonedDateTime next = daily.getNextFireTime().atZone(ZoneId.of("Asia/Shanghai"));
        assertThat(next.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(Duration.between(Instant.now(), next.toInstant())).isBetween(Duration.ZERO, Duration.ofDays(1));
    }

    @Test
    void healthProbesAreUp() {
        given().get("/q/health/live").then().statusCode(200);
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertThat(ready).contains("\"status\": \"UP\"");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("sitrep_briefing_classifications_applied_total",
                "sitrep_briefing_classifications_stale_total");
    }

    @Test
    void openApiDocumentNamesTheEndpoints() {
        String doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(doc).contains("/api/v1/situation", "/api/v1/situation/reports", "/api/v1/briefings",
                "/api/v1/briefings/latest", "/api/v1/briefings/{id}");
    }
}
