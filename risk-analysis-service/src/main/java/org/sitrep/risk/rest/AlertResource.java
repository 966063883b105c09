package org.sitrep.risk.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sitrep.regions.Region;
import org.sitrep.regions.RegionCatalogue;
import org.sitrep.risk.warning.AlertEntity;
import org.sitrep.risk.warning.Alerts;
import org.sitrep.risk.warning.CapMessages;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Early-warning alerts: list, read (JSON or CAP 1.2), acknowledge. */
@Path("/api/v1/alerts")
public class AlertResource {

    static final Set<String> PARAMS = Set.of("status", "regionCode", "category");
    static final Set<String> STATUSES = Set.of("RAISED", "UPDATED", "ACKNOWLEDGED", "RESOLVED", "EXPIRED");
    static final List<String> ACTIVE = List.of("RAISED", "UPDATED", "ACKNOWLEDGED");
    static final int MAX_ITEMS = 500;

    private final EntityManager em;
    private final Alerts alerts;
    private final CapMessages cap;
    private final RegionCatalogue regions;

    public AlertResource(EntityManager em, Alerts alerts, CapMessages cap, RegionCatalogue regions) {
        this.em = em;
        this.alerts = alerts;
        this.cap = cap;
        this.regions = regions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alerts, most recently updated first (at most 500)", description = "status: one or more of RAISED, "
            + "UPDATED, ACKNOWLEDGED, RESOLVED, EXPIRED, comma-separated (default: the active ones); regionCode includes the "
            + "regions within it; category one of the five codes")
    public List<Map<String, Object>> list(@QueryParam("status") String status, @QueryParam("regionCode") String regionCode,
            @QueryParam("category") String category, @Context UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (String name : uri.getQueryParameters().keySet()) {
            if (!PARAMS.contains(name)) {
                violations.add(new Problem.Violation(name, "unknown parameter; allowed: status, regionCode, category"));
            }
        }
        List<String> statuses = ACTIVE;
        if (status != null) {
            Set<String> wanted = new LinkedHashSet<>(Arrays.asList(status.trim().split("\\s*,\\s*")));
            if (wanted.isEmpty() || !STATUSES.containsAll(wanted)) {
                violations.add(new Problem.Violation("status", "must be one or more of " + String.join(", ",
                        List.of("RAISED", "UPDATED", "ACKNOWLEDGED", "RESOLVED", "EXPIRED")) + ", comma-separated"));
            } else {
                statuses = List.copyOf(wanted);
            }
        }
        List<String> codes = null;
        if (regionCode != null) {
            if (!regionCode.matches("[0-9]{6}")) {
                violations.add(new Problem.Violation("regionCode", "must be a 6-digit administrative division code"));
            } else if (!regions.contains(regionCode)) {
                violations.add(new Problem.Violation("regionCode", "unknown region " + regionCode));
            } else {
                codes = regions.all().stream().map(Region::code)
                        .filter(c -> c.equals(regionCode) || regions.isWithin(c, regionCode)).toList();
            }
        }
        if (category != null && !ReviewResource.CATEGORIES.contains(category)) {
            violations.add(new Problem.Violation("category", "must be one of " + String.join(", ",
                    new java.util.TreeSet<>(ReviewResource.CATEGORIES))));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Invalid query", violations);
        }
        String jpql = "select a from AlertEntity a where a.status in :statuses"
                + (codes == null ? "" : " and a.regionCode in :codes")
                + (category == null ? "" : " and a.category = :category")
                + " order by a.updatedAt desc, a.id";
        var q = em.createQuery(jpql, AlertEntity.class).setParameter("statuses", statuses).setMaxResults(MAX_ITEMS);
        if (codes != null) {
            q.setParameter("codes", codes);
        }
        if (category != null) {
            q.setParameter("category", category);
        }
        return q.getResultList().stream().map(alerts::payload).toList();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One alert as it is now (the payload of its latest risk-alerts event)")
    public Map<String, Object> get(@PathParam("id") String id) {
        return alerts.payload(find(id));
    }

    @GET
    @Path("/{id}")
    @Produces(CapMessages.MEDIA_TYPE)
    @Operation(summary = "The alert's latest version as an OASIS CAP 1.2 message (Accept: application/cap+xml)")
    public String getCap(@PathParam("id") String id) {
        AlertEntity a = find(id);
        return cap.toXml(a, alerts.history(a.id), regions.find(a.regionCode).map(Region::name).orElse(null));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "A duty officer acknowledges an open alert", description = "Body {by, note?}; publishes "
            + "org.sitrep.alert.acknowledged.v1. 404 unknown alert, 409 resolved/expired or already acknowledged.")
    public Map<String, Object> acknowledge(@PathParam("id") String id, JsonNode body) {
        UUID alertId = RequestFields.uuid("id", id);
        RequestFields fields = new RequestFields(body, Set.of("by", "note"));
        String by = fields.text("by", true, 100);
        String note = fields.text("note", false, 1000);
        fields.throwIfInvalid();
        Alerts.AckOutcome outcome = alerts.acknowledge(alertId, by, note, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return switch (outcome) {
            case NOT_FOUND -> throw notFound(alertId);
            case CLOSED -> throw new ProblemException(409, "Alert closed", List.of(new Problem.Violation("id",
                    "the alert is resolved or expired and can no longer be acknowledged")));
            case ALREADY_ACKNOWLEDGED -> throw new ProblemException(409, "Already acknowledged", List.of(
                    new Problem.Violation("id", "the alert is already acknowledged; it can be acknowledged again after its next update")));
            case ACKNOWLEDGED -> alerts.payload(em.find(AlertEntity.class, alertId));
        };
    }

    private AlertEntity find(String id) {
        UUID alertId = RequestFields.uuid("id", id);
        AlertEntity a = em.find(AlertEntity.class, alertId);
        if (a == null) {
            throw notFound(alertId);
        }
        return a;
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(404, "Not found", List.of(new Problem.Violation("id", "no alert " + id)));
    }
}
