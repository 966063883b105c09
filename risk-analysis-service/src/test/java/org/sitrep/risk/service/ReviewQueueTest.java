package org.sitrep.risk.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.contracts.CloudEventSender;
import org.sitrep.contracts.TopicReader;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.sitrep.infra.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With a review threshold no classification reaches, every report waits for an analyst until one decides. */
@QuarkusTest
@TestProfile(ReviewQueueTest.EverythingNeedsReview.class)
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class ReviewQueueTest {

    public static class EverythingNeedsReview implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitrep.classifier.review-threshold", "1.01");
        }
    }

    static TopicReader classifications;

    @BeforeAll
    static void connect() {
        RevisionFlowTest.sender = new CloudEventSender(TestInfrastructure.get().bootstrapServers());
        classifications = new TopicReader(TestInfrastructure.get().bootstrapServers(), "report-classifications");
        RevisionFlowTest.classifications = classifications;
    }

    @AfterAll
    static void disconnect() {
        RevisionFlowTest.sender.close();
        classifications.close();
    }

    @Test
    void lowConfidenceClassificationIsQueuedForReviewUntilAnAnalystDecides() throws Exception {
        String id = RevisionFlowTest.send("610924", RevisionFlowTest.isolatedDay(), "ziyang-yjj", "蒿坪镇山体滑坡",
                RevisionFlowTest.LANDSLIDE);
        assertThat(RevisionFlowTest.version(id, 1).get("needsReview").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> queued = given().queryParam("size", 200).get("/api/v1/reviews").then().statusCode(200)
                    .extract().jsonPath().getList("items.reportId");
            assertThat(queued).contains(id);
        });

        given().contentType(ContentType.JSON).body("{\"category\":\"PUBLIC_SAFETY\",\"reason\":\"核实为自然灾害\"}")
                .put("/api/v1/reports/{id}/classification", id).then().statusCode(200)
                .body("needsReview", equalTo(false)).body("version", equalTo(2));
        assertThat(RevisionFlowTest.version(id, 2).get("needsReview").asBoolean()).isFalse();
        List<String> queued = given().queryParam("size", 200).get("/api/v1/reviews").then().statusCode(200)
                .extract().jsonPath().getList("items.reportId");
        assertThat(queued).doesNotContain(id);
        given().queryParam("size", "all").get("/api/v1/reviews").then().statusCode(400).contentType("application/problem+json");
    }
}
