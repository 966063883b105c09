package org.sitrep.briefing.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The page's acknowledgement goes to risk-analysis-service (a stub here) and its answer comes back as it is. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
@QuarkusTestResource(RiskAnalysisStub.class)
class AlertAcknowledgementTest {

    @BeforeEach
    void forget() {
        RiskAnalysisStub.RECEIVED.clear();
    }

    @Test
    void anAcknowledgementIsPassedOnAndTheAcknowledgedAlertReturned() {
        given().contentType(ContentType.JSON).body("{\"by\":\"值班员王磊\",\"note\":\"已通知县应急局\"}")
                .post("/api/v1/alerts/{id}/acknowledgement", RiskAnalysisStub.OPEN)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo("值班员王磊"));
        assertThat(RiskAnalysisStub.RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/v1/alerts/" + RiskAnalysisStub.OPEN + "/acknowledgement");
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.body()).isEqualTo("{\"by\":\"值班员王磊\",\"note\":\"已通知县应急局\"}");
        });
    }

    @Test
    void theOwnersProblemComesBackAsItIs() {
        given().contentType(ContentType.JSON).body("{\"by\":\"值班员王磊\"}")
                .post("/api/v1/alerts/{id}/acknowledgement", RiskAnalysisStub.CLOSED)
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Alert closed")).body("violations[0].field", equalTo("id"));
    }

    @Test
    void anOwnerThatDoesNotAnswerIsA503AndNothingIsClaimed() {
        given().contentType(ContentType.JSON).body("{\"by\":\"值班员王磊\"}")
                .post("/api/v1/alerts/{id}/acknowledgement", RiskAnalysisStub.BROKEN)
                .then().statusCode(503).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("risk-analysis-service unavailable"))
                .body("detail", equalTo("risk-analysis-service did not answer; the acknowledgement was not recorded"));
    }

    @Test
    void anIdThatIsNoUuidIsRefusedHereAndNeverSent() {
        given().contentType(ContentType.JSON).body("{\"by\":\"值班员王磊\"}")
                .post("/api/v1/alerts/{id}/acknowledgement", "..%2F..%2Fq%2Fhealth")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("id"));
        assertThat(RiskAnalysisStub.RECEIVED).isEmpty();
    }
}
