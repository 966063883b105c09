package org.sitrep.briefing.rest;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sitrep.briefing.domain.Period;
import org.sitrep.briefing.domain.Situation;
import org.sitrep.briefing.service.IncidentItem;
import org.sitrep.briefing.service.Page;
import org.sitrep.briefing.service.ReportItem;
import org.sitrep.briefing.service.RequestParams;
import org.sitrep.briefing.service.SituationService;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** The live situation map: region × category counts with the change against the previous period. */
@Path("/api/v1/situation")
@Produces(MediaType.APPLICATION_JSON)
public class SituationResource {

    private final SituationService situation;
    private final RequestParams params;

    public SituationResource(SituationService situation, RequestParams params) {
        this.situation = situation;
        this.params = params;
    }

    @GET
    @Operation(summary = "Region × category counts of [from, to) (default: the last 24 hours) with the previous period")
    public Situation situation(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("regionCode") String regionCode, @QueryParam("region") String region, @Context UriInfo uri) {
        params.onlyKnown(uri.getQueryParameters().keySet(), Set.of("from", "to", "regionCode", "region"));
        String scope = params.region(regionCode, region);
        Period period = params.period(from, to);
        return situation.situation(period, scope);
    }

    @GET
    @Path("/incidents")
    @Operation(summary = "The incidents behind a cell of the situation map (attributed to it by their earliest report), newest first, paged")
    public Page<IncidentItem> incidents(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("regionCode") String regionCode, @QueryParam("region") String region,
            @QueryParam("category") String category, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context UriInfo uri) {
        params.onlyKnown(uri.getQueryParameters().keySet(),
                Set.of("from", "to", "regionCode", "region", "category", "page", "size"));
        String scope = params.region(regionCode, region);
        Period period = params.period(from, to);
        return situation.incidents(period, scope, params.category(category), params.page(page), params.size(size));
    }

    @GET
    @Path("/reports")
    @Operation(summary = "The reports behind a cell of the situation map (optionally of one unit), newest first, paged")
    public Page<ReportItem> reports(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("regionCode") String regionCode, @QueryParam("region") String region,
            @QueryParam("category") String category, @QueryParam("unitId") String unitId, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context UriInfo uri) {
        params.onlyKnown(uri.getQueryParameters().keySet(),
                Set.of("from", "to", "regionCode", "region", "category", "unitId", "page", "size"));
        String scope = params.region(regionCode, region);
        Period period = params.period(from, to);
        return situation.reports(period, scope, params.category(category), params.unitId(unitId), params.page(page),
                params.size(size));
    }
}
