package org.sitrep.briefing.alerts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sitrep.briefing.alerts.RiskAlert.AlertStatus;
import org.sitrep.briefing.service.InvalidRequestException;
import org.sitrep.briefing.service.Page;
import org.sitrep.briefing.service.RequestParams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * Early warnings from risk-analysis-service: the active list, a live Server-Sent Events stream, and the duty officer's
 * acknowledgement (passed on to risk-analysis-service).
 */
@Path("/api/v1/alerts")
public class AlertResource {

    /** A comment line at least this often keeps proxies and load balancers from closing an idle stream. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final AlertStore store;
    private final AlertFeed feed;
    private final RequestParams params;
    private final ObjectMapper mapper;
    private final AlertAcknowledgements acknowledgements;

    public AlertResource(AlertStore store, AlertFeed feed, RequestParams params, ObjectMapper mapper,
            AlertAcknowledgements acknowledgements) {
        this.store = store;
        this.feed = feed;
        this.params = params;
        this.mapper = mapper;
        this.acknowledgements = acknowledgements;
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Operation(summary = "A duty officer acknowledges an alert (from the page)", description = "Body {by, note?}; "
            + "passed to risk-analysis-service, which owns the alert: its answer (the alert, or problem+json 400/404/409) "
            + "is returned as it is; 503 when it cannot be reached. The acknowledged alert then arrives on the stream.")
    public Response acknowledge(@PathParam("id") String id, String body) {
        UUID alertId;
        try {
            alertId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("id", "must be a UUID");
        }
        AlertAcknowledgements.Answer answer = acknowledgements.acknowledge(alertId, body == null ? "" : body);
        return Response.status(answer.status()).type(answer.contentType()).entity(answer.body()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alerts, newest first: the active ones (RAISED, UPDATED, ACKNOWLEDGED, not expired) unless a status is given")
    public Map<String, Object> list(@QueryParam("regionCode") String regionCode, @QueryParam("region") String region,
            @QueryParam("category") String category, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        params.onlyKnown(uri.getQueryParameters().keySet(),
                Set.of("regionCode", "region", "category", "status", "page", "size"));
        String scope = params.region(regionCode, region);
        AlertStatus s = status(status);
        Page<RiskAlert> p = store.list(scope, params.category(category), s, params.page(page), params.size(size));
        List<Map<String, Object>> items = p.items().stream().map(a -> a.view(store.regionNameOf(a.regionCode()))).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", p.total());
        body.put("page", p.page());
        body.put("size", p.size());
        return body;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live stream of alerts as they are stored: event name = status, data = the alert as JSON; keep-alive comments")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(
                sse.newEventBuilder().comment("connected").reconnectDelay(3000).build());
        Multi<OutboundSseEvent> alerts = feed.items().map(item -> sse.newEventBuilder()
                .name(item.name())
                .id(item.id())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, json(item.view()))
                .build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().concatenating().streams(hello, Multi.createBy().merging().streams(alerts, keepAlive));
    }

    private static AlertStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return AlertStatus.parse(status).orElseThrow(() -> InvalidRequestException.of("status",
                "must be one of RAISED, UPDATED, ACKNOWLEDGED, RESOLVED, EXPIRED"));
    }

    private String json(Map<String, Object> view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
