package org.sitrep.risk.rest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sitrep.risk.persistence.IncidentIndex;
import org.sitrep.risk.persistence.ReportClassificationEntity;
import org.sitrep.risk.service.ClassificationRevisions;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Incidents: the reports linked as one real-world event. Linking is reversible: an analyst splits reports off into a
 * new incident or merges incidents; each affected report's classification is published again with its new incident id
 * (a higher version), which is how every consumer learns of the change.
 */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    private final IncidentIndex incidents;
    private final ClassificationRevisions revisions;

    public IncidentResource(IncidentIndex incidents, ClassificationRevisions revisions) {
        this.incidents = incidents;
        this.revisions = revisions;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An incident with its reports, earliest first")
    public Map<String, Object> get(@PathParam("id") String id) {
        UUID incidentId = RequestFields.uuid("id", id);
        List<ReportClassificationEntity> reports = incidents.reportsOf(incidentId);
        if (reports.isEmpty()) {
            throw new ProblemException(404, "Not found", List.of(new Problem.Violation("id", "no incident " + id)));
        }
        return view(incidentId, reports);
    }

    @POST
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Move some reports of an incident into a new incident", description = "Body {reportIds:[…], reason, analyst?}")
    public Map<String, Object> split(@PathParam("id") String id, JsonNode body) {
        UUID incidentId = RequestFields.uuid("id", id);
        RequestFields fields = new RequestFields(body, Set.of("reportIds", "reason", "analyst"));
        List<UUID> reportIds = fields.uuids("reportIds", 1, 500);
        String reason = fields.text("reason", true, 1000);
        String analyst = fields.text("analyst", false, 100);
        fields.throwIfInvalid();
        List<ReportClassificationEntity> reports = incidents.reportsOf(incidentId);
        if (reports.isEmpty()) {
            throw new ProblemException(404, "Not found", List.of(new Problem.Violation("id", "no incident " + id)));
        }
        Set<UUID> members = new HashSet<>();
        reports.forEach(r -> members.add(r.reportId));
        for (UUID reportId : reportIds) {
            if (!members.contains(reportId)) {
                fields.add("reportIds", "report " + reportId + " is not part of incident " + id);
            }
        }
        if (new HashSet<>(reportIds).size() >= members.size()) {
            fields.add("reportIds", "must leave at least one report in the incident");
        }
        fields.throwIfInvalid();
        UUID newIncident = UUID.randomUUID();
        for (UUID reportId : new HashSet<>(reportIds)) {
            revisions.revise(reportId, ClassificationRevisions.Kind.INCIDENT_SPLIT, reason, analyst,
                    c -> c.incidentId = newIncident);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incident", view(incidentId, incidents.reportsOf(incidentId)));
        answer.put("newIncident", view(newIncident, incidents.reportsOf(newIncident)));
        return answer;
    }

    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Merge incidents into the first one named", description = "Body {incidentIds:[…], reason, analyst?}")
    public Map<String, Object> merge(JsonNode body) {
        RequestFields fields = new RequestFields(body, Set.of("incidentIds", "reason", "analyst"));
        List<UUID> ids = fields.uuids("incidentIds", 2, 50);
        String reason = fields.text("reason", true, 1000);
        String analyst = fields.text("analyst", false, 100);
        fields.throwIfInvalid();
        UUID target = ids.get(0);
        List<List<ReportClassificationEntity>> groups = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<ReportClassificationEntity> reports = incidents.reportsOf(ids.get(i));
            if (reports.isEmpty()) {
                fields.add("incidentIds[" + i + "]", "no incident " + ids.get(i));
            }
            groups.add(reports);
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            fields.add("incidentIds", "must name each incident once");
        }
        fields.throwIfInvalid();
        for (int i = 1; i < groups.size(); i++) {
            for (ReportClassificationEntity report : groups.get(i)) {
                revisions.revise(report.reportId, ClassificationRevisions.Kind.INCIDENT_MERGE, reason, analyst,
                        c -> c.incidentId = target);
            }
        }
        return view(target, incidents.reportsOf(target));
    }

    private static Map<String, Object> view(UUID incidentId, List<ReportClassificationEntity> reports) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("incidentId", incidentId);
        v.put("reportCount", reports.size());
        v.put("reports", reports.stream().map(ClassificationView::of).toList());
        return v;
    }
}
