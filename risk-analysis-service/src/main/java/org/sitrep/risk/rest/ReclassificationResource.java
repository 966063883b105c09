package org.sitrep.risk.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sitrep.risk.service.Reclassifications;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Re-classification of stored history after a model or taxonomy change, with its progress. */
@Path("/api/v1/reclassifications")
@Produces(MediaType.APPLICATION_JSON)
public class ReclassificationResource {

    private final Reclassifications reclassifications;

    public ReclassificationResource(Reclassifications reclassifications) {
        this.reclassifications = reclassifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-classify the reports that occurred in [from, to) with the current model",
            description = "Body {from?, to?}; 202 with Location of the job. Reports whose category, severity or model "
                    + "version change are published again with the next version; analysts' decisions are kept.")
    public Response start(JsonNode body) {
        RequestFields fields = new RequestFields(body == null || body.isNull()
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body, Set.of("from", "to"));
        Instant from = fields.instant("from");
        Instant to = fields.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            fields.add("to", "must be after from");
        }
        fields.throwIfInvalid();
        Reclassifications.Job job = reclassifications.start(from, to);
        return Response.accepted(job).location(URI.create("/api/v1/reclassifications/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A re-classification job: status RUNNING, COMPLETED or FAILED; total, processed, changed")
    public Reclassifications.Job get(@PathParam("id") String id) {
        return reclassifications.find(RequestFields.uuid("id", id))
                .orElseThrow(() -> new ProblemException(404, "Not found", List.of(new Problem.Violation("id", "no job " + id))));
    }
}
