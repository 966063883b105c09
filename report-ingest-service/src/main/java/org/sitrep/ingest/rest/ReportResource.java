package org.sitrep.ingest.rest;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.sitrep.ingest.config.IngestConfig;
import org.sitrep.ingest.domain.ReportService;
import org.sitrep.ingest.domain.SubmissionParser;
import org.sitrep.ingest.persistence.ReportEntity;
import org.sitrep.regions.Region;
import org.sitrep.regions.RegionCatalogue;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The units' interface: submit reports one at a time or in batches, and see what became of them. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final SubmissionParser parser;
    private final ReportService reports;
    private final RegionCatalogue regions;
    private final IngestConfig config;

    public ReportResource(SubmissionParser parser, ReportService reports, RegionCatalogue regions, IngestConfig config) {
        this.parser = parser;
        this.reports = reports;
        this.regions = regions;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit one report", description = "202 with Location; a retry with the same Idempotency-Key "
            + "or the same unitId + externalId returns the original report and creates nothing")
    @RequestBody(description = "{unitId, regionCode, occurredAt, title?, body, externalId?, declaredCategory?, "
            + "location?{lat,lon}, casualties?{deaths,injured}}")
    public Response submit(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        requireJson(contentType);
        String key = idempotencyKey(idempotencyKey);
        JsonNode document = document(body, config.maxReportBytes());
        SubmissionParser.Result result = parser.parse(document, "");
        if (!result.valid()) {
            throw new ProblemException(Problem.invalid(result.violations()));
        }
        ReportService.Outcome outcome = reports.submit(result.submission(), key);
        ReportEntity report = outcome.report();
        Response.ResponseBuilder response = Response.accepted(new SubmissionResponse(report.id, report.status, report.receivedAt))
                .location(URI.create("/api/v1/reports/" + report.id));
        if (!outcome.created()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit up to 1,000 reports", description = "Each item is judged and stored on its own: the answer "
            + "lists, per item, the accepted report or the problem. Items are retried safely by externalId, or by the "
            + "Idempotency-Key of the batch together with the item's position.")
    public Response batch(byte[] body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        requireJson(contentType);
        String key = idempotencyKey(idempotencyKey);
        JsonNode document = document(body, config.maxBatchBytes());
        JsonNode items = document.isObject() ? document.get("reports") : null;
        List<Violation> shape = new ArrayList<>();
        if (!document.isObject()) {
            shape.add(new Violation("$", "must be a JSON object {reports:[...]}"));
        } else if (items == null || !items.isArray()) {
            shape.add(new Violation("reports", "is required and must be an array"));
        } else if (items.isEmpty() || items.size() > config.maxBatchItems()) {
            shape.add(new Violation("reports", "must hold 1 to " + config.maxBatchItems() + " reports"));
        } else {
            document.fieldNames().forEachRemaining(name -> {
                if (!name.equals("reports")) {
                    shape.add(new Violation(name, "is not a field of a batch"));
                }
            });
        }
        if (!shape.isEmpty()) {
            throw new ProblemException(Problem.invalidRequest(shape));
        }
        List<Map<String, Object>> results = new ArrayList<>(items.size());
        int accepted = 0;
        for (int i = 0; i < items.size(); i++) {
            String prefix = "reports[" + i + "].";
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", i);
            SubmissionParser.Result result = parser.parse(items.get(i), prefix);
            if (!result.valid()) {
                item.put("status", "REJECTED");
                item.put("problem", Problem.invalid(result.violations()));
            } else {
                try {
                    ReportService.Outcome outcome = reports.submit(result.submission(), key == null ? null : key + "#" + i);
                    item.put("status", "ACCEPTED");
                    item.put("id", outcome.report().id);
                    item.put("receivedAt", outcome.report().receivedAt);
                    item.put("replayed", !outcome.created());
                    accepted++;
                } catch (ProblemException e) {
                    item.put("status", "REJECTED");
                    item.put("problem", e.problem());
                }
            }
            results.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", accepted);
        answer.put("rejected", items.size() - accepted);
        answer.put("results", results);
        return Response.ok(answer).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report with its status (RECEIVED, then CLASSIFIED with category and severity)")
    public ReportView get(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        ReportEntity report = ReportEntity.findById(uuid);
        if (report == null) {
            throw new ProblemException(Problem.notFound("no report " + id));
        }
        return ReportView.of(report, regions.nameOf(report.regionCode));
    }

    @GET
    @Operation(summary = "Reports by unit, region (a city or province includes its counties) and occurrence time, newest first")
    public Map<String, Object> list(@QueryParam("unitId") String unitId, @QueryParam("regionCode") String regionCode,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Violation> v = new ArrayList<>();
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (unitId != null) {
            if (!SubmissionParser.UNIT_ID.matcher(unitId).matches()) {
                v.add(new Violation("unitId", "must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}"));
            }
            query.append(" and unitId = :unitId");
            params.put("unitId", unitId);
        }
        if (regionCode != null) {
            if (!regions.contains(regionCode)) {
                v.add(new Violation("regionCode", "is not in the region catalogue"));
            } else {
                query.append(" and regionCode in :regions");
                params.put("regions", regions.all().stream().map(Region::code)
                        .filter(code -> regions.isWithin(code, regionCode)).toList());
            }
        }
        Instant fromInstant = instantParam("from", from, v);
        Instant toInstant = instantParam("to", to, v);
        if (fromInstant != null) {
            query.append(" and occurredAt >= :from");
            params.put("from", fromInstant);
        }
        if (toInstant != null) {
            query.append(" and occurredAt < :to");
            params.put("to", toInstant);
        }
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            v.add(new Violation("to", "must be after from"));
        }
        int pageIndex = intParam("page", page, 0, 0, Integer.MAX_VALUE, v);
        int pageSize = intParam("size", size, 20, 1, config.maxPageSize(), v);
        if (!v.isEmpty()) {
            throw new ProblemException(Problem.invalidRequest(v));
        }
        var found = ReportEntity.<ReportEntity>find(query.toString(), Sort.descending("receivedAt").and("id"), params);
        List<ReportView> items = found.page(Page.of(pageIndex, pageSize)).list().stream()
                .map(r -> ReportView.of(r, regions.nameOf(r.regionCode))).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("total", found.count());
        answer.put("page", pageIndex);
        answer.put("size", pageSize);
        return answer;
    }

    private JsonNode document(byte[] body, int limit) {
        if (body != null && body.length > limit) {
            throw new ProblemException(Problem.tooLarge(limit));
        }
        try {
            return parser.readDocument(body == null ? new byte[0] : body);
        } catch (SubmissionParser.InvalidDocumentException e) {
            throw new ProblemException(Problem.invalidRequest(List.of(e.violation())));
        }
    }

    static void requireJson(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        boolean json = type != null && type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        String charset = type == null ? null : type.getParameters().get("charset");
        if (!json || (charset != null && !charset.equalsIgnoreCase("utf-8"))) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send application/json encoded as UTF-8", List.of(new Violation("Content-Type", "must be application/json"))));
        }
    }

    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new ProblemException(Problem.invalidRequest(List.of(new Violation("Idempotency-Key",
                    "must be 1 to 128 visible ASCII characters"))));
        }
        return key;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidRequest(List.of(new Violation("id", "must be a UUID"))));
        }
    }

    private static Instant instantParam(String name, String value, List<Violation> v) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            v.add(new Violation(name, "must be an ISO-8601 instant with offset"));
            return null;
        }
    }

    private static int intParam(String name, String value, int fallback, int min, int max, List<Violation> v) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add(new Violation(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }
}
