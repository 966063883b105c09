package org.sitrep.risk.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sitrep.regions.RegionCatalogue;
import org.sitrep.risk.persistence.CategoryCounts;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Region × category × hour counts of classified reports (by occurrence time, UTC hours). */
@Path("/api/v1/counts")
public class CountsResource {

    static final Duration MAX_SPAN = Duration.ofDays(92);
    private static final Set<String> PARAMS = Set.of("from", "to", "regionCode");

    private final CategoryCounts counts;
    private final RegionCatalogue regions;

    public CountsResource(CategoryCounts counts, RegionCatalogue regions) {
        this.counts = counts;
        this.regions = regions;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Counts per region, category and hour; from inclusive, to exclusive (default: the last 24 hours); "
            + "regionCode includes the regions within it")
    public List<CategoryCounts.Row> counts(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("regionCode") String regionCode, @Context UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (String name : uri.getQueryParameters().keySet()) {
            if (!PARAMS.contains(name)) {
                violations.add(new Problem.Violation(name, "unknown parameter; allowed: from, to, regionCode"));
            }
        }
        Instant toI = parse("to", to, violations);
        Instant fromI = parse("from", from, violations);
        if (toI == null && to == null) {
            toI = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        }
        if (fromI == null && from == null && toI != null) {
            fromI = toI.minus(Duration.ofHours(24));
        }
        if (fromI != null && toI != null) {
            if (!fromI.isBefore(toI)) {
                violations.add(new Problem.Violation("from", "must be before to"));
            } else if (Duration.between(fromI, toI).compareTo(MAX_SPAN) > 0) {
                violations.add(new Problem.Violation("to", "the period may span at most " + MAX_SPAN.toDays() + " days"));
            }
        }
        List<String> codes = null;
        if (regionCode != null) {
            if (!regionCode.matches("[0-9]{6}")) {
                violations.add(new Problem.Violation("regionCode", "must be a 6-digit administrative division code"));
            } else if (!regions.contains(regionCode)) {
                violations.add(new Problem.Violation("regionCode", "unknown region " + regionCode));
            } else {
                codes = regions.all().stream().map(r -> r.code())
                        .filter(c -> c.equals(regionCode) || regions.isWithin(c, regionCode)).toList();
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "Invalid query", violations);
        }
        return counts.find(fromI, toI, codes);
    }

    private static Instant parse(String field, String value, List<Problem.Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-20T00:00:00Z"));
            return null;
        }
    }
}
