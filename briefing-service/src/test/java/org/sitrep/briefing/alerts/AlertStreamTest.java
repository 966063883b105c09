package org.sitrep.briefing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.briefing.ServiceTestSupport.await;
import static org.sitrep.briefing.ServiceTestSupport.processed;
import static org.sitrep.briefing.ServiceTestSupport.sender;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class AlertStreamTest {

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    @Inject
    DataSource dataSource;

    static String send(Alerts.Builder a) {
        return sender().send(Contract.RISK_ALERT, a.ceType(), a.regionCode, a.json());
    }

    record SseEvent(String id, String name, String data) {
    }

    /** The event with this id among the lines read so far (SSE framing: fields up to a blank line), or null. */
    static SseEvent event(List<String> lines, String id) {
        String eventId = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line : List.copyOf(lines)) {
            if (line.isEmpty()) {
                if (id.equals(eventId)) {
                    return new SseEvent(eventId, name, data.toString());
                }
                eventId = null;
                name = null;
                data.setLength(0);
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> eventId = value;
                case "event" -> name = value;
                case "data" -> data.append(data.length() == 0 ? "" : "\n").append(value);
                default -> { }
            }
        }
        return null;
    }

    @Test
    void aConnectedClientReceivesEachStoredAlertVersionAsAnEventNamedByItsStatus() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        try {
            // the stream opens with a comment, so the connection is known to be subscribed before anything is sent
            await().until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));

            Alerts.Builder alert = Alerts.alert().region("610902").headline("汉滨区 <b>重大</b> 道路交通事故 死亡 12 人");
            send(alert);
            SseEvent raised = await().until(() -> event(lines, alert.alertId + ":1"), e -> e != null);
            assertThat(raised.name()).isEqualTo("RAISED");
            assertThat(raised.data()).contains("\"alertId\":\"" + alert.alertId + "\"")
                    .contains("\"headline\":\"汉滨区 <b>重大</b> 道路交通事故 死亡 12 人\"")
                    .contains("\"regionName\":\"汉滨区\"");

            // an older version is not stored, so it is not pushed either; the next higher one is
            String older = send(Alerts.alert().id(alert.alertId).version(1).status("UPDATED").headline("重复的旧版本"));
            await().until(() -> processed(dataSource, older));
            send(alert.version(2).status("RESOLVED"));
            SseEvent resolved = await().until(() -> event(lines, alert.alertId + ":2"), e -> e != null);
            assertThat(resolved.name()).isEqualTo("RESOLVED");
            assertThat(String.join("\n", lines)).doesNotContain("重复的旧版本");
        } finally {
            reader.cancel(true);
            response.body().close();
        }
    }
}
