package org.sitrep.briefing.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Passes a duty officer's acknowledgement from the page to risk-analysis-service, which owns the alert's lifecycle.
 * The acknowledged alert comes back like every other change, as a risk-alerts event, into the store and the live
 * stream; the answer here is risk-analysis-service's own (the alert, or its problem+json).
 */
@ApplicationScoped
public class AlertAcknowledgements {

    private static final Logger LOG = Logger.getLogger(AlertAcknowledgements.class);

    /** What risk-analysis-service answered. */
    public record Answer(int status, String contentType, String body) {
    }

    /** risk-analysis-service could not be reached or did not answer in time; nothing was recorded. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI base;
    private final Duration timeout;
    private final HttpClient client;

    public AlertAcknowledgements(@ConfigProperty(name = "sitrep.risk-analysis.url") URI base,
            @ConfigProperty(name = "sitrep.risk-analysis.timeout", defaultValue = "PT5S") Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Forwards the JSON body ({@code {by, note?}}) for the alert; {@code alertId} is a UUID, so safe in the path. */
    public Answer acknowledge(UUID alertId, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/alerts/" + alertId + "/acknowledgement"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (IOException e) {
            LOG.warnf("acknowledgement of alert %s not forwarded: %s", alertId, e.toString());
            throw new Unavailable("risk-analysis-service did not answer; the acknowledgement was not recorded", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted; the acknowledgement was not recorded", e);
        }
    }
}
