package org.sitrep.briefing;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.sitrep.contracts.CloudEventSender;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.infra.TestInfrastructure;

import io.restassured.http.ContentType;

/** Sends classifications to the real broker and reads what the service made of them. */
public final class ServiceTestSupport {

    private static CloudEventSender sender;

    private ServiceTestSupport() {
    }

    public static synchronized CloudEventSender sender() {
        if (sender == null) {
            sender = new CloudEventSender(TestInfrastructure.get().bootstrapServers());
        }
        return sender;
    }

    /** Sends a classification; returns its CloudEvent id. */
    public static String send(Classifications.Builder report) {
        return sender().send(Contract.REPORT_CLASSIFIED, report.id(), report.json());
    }

    public static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    /** Whether the service has applied (or knowingly skipped) the event: its id is in the processed-event log. */
    public static boolean processed(DataSource ds, String eventId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from processed_event where consumer = 'briefing-service' and event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The situation map for [from, to) and an optional region, as the API answers it. */
    public static io.restassured.path.json.JsonPath situation(Instant from, Instant to, String regionCode) {
        var spec = given().accept(ContentType.JSON).queryParam("from", from.toString()).queryParam("to", to.toString());
        if (regionCode != null) {
            spec = spec.queryParam("regionCode", regionCode);
        }
        return spec.when().get("/api/v1/situation").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Integer> totals(Instant from, Instant to, String regionCode) {
        return (Map<String, Integer>) (Map<?, ?>) situation(from, to, regionCode).getMap("totals");
    }
}
