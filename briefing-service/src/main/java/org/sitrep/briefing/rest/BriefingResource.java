package org.sitrep.briefing.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.sitrep.briefing.config.BriefingConfig;
import org.sitrep.briefing.persistence.BriefingEntity;
import org.sitrep.briefing.persistence.SituationQueries;
import org.sitrep.briefing.service.BriefingContent;
import org.sitrep.briefing.service.BriefingService;
import org.sitrep.briefing.service.InvalidRequestException;
import org.sitrep.briefing.service.NotFoundProblem;
import org.sitrep.briefing.service.Page;
import org.sitrep.briefing.service.RequestParams;
import org.sitrep.regions.RegionCatalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Briefings: generate one for a period, list them, read one as JSON (default) or as an HTML page. */
@Path("/api/v1/briefings")
public class BriefingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance briefing(BriefingPage page);
    }

    /** The body of {@code POST /api/v1/briefings}; every field optional (defaults as for the situation map). */
    public record GenerateRequest(String from, String to, String regionCode) {
    }

    private final BriefingService briefings;
    private final RequestParams params;
    private final SituationQueries queries;
    private final RegionCatalogue catalogue;
    private final BriefingConfig config;
    private final ObjectMapper mapper;

    public BriefingResource(BriefingService briefings, RequestParams params, SituationQueries queries,
            RegionCatalogue catalogue, BriefingConfig config, ObjectMapper mapper) {
        this.briefings = briefings;
        this.params = params;
        this.queries = queries;
        this.catalogue = catalogue;
        this.config = config;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a briefing for a period now (201 with Location)")
    public Response generate(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GenerateRequest.class))) String body, @Context UriInfo uri) {
        GenerateRequest r = parse(body);
        String scope = params.region(r.regionCode(), null);
        BriefingEntity b = briefings.generateOnDemand(params.period(r.from(), r.to()), scope);
        URI location = uri.getBaseUriBuilder().path("api/v1/briefings").path(b.id.toString()).build();
        return Response.created(location).type(MediaType.APPLICATION_JSON_TYPE).entity(json(b)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Briefings, newest first, paged")
    public Map<String, Object> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @Context UriInfo uri) {
        params.onlyKnown(uri.getQueryParameters().keySet(), Set.of("page", "size"));
        Page<BriefingEntity> p = briefings.list(params.page(page), params.size(size));
        List<Map<String, Object>> items = new ArrayList<>();
        for (BriefingEntity b : p.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", b.id);
            item.put("kind", b.kind);
            item.put("from", b.periodFrom);
            item.put("to", b.periodTo);
            item.put("regionCode", b.regionCode);
            item.put("generatedAt", b.generatedAt);
            item.put("reportCount", b.reportCount);
            item.put("incidentCount", b.incidentCount);
            item.put("contentHash", b.contentHash);
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("total", p.total());
        body.put("page", p.page());
        body.put("size", p.size());
        return body;
    }

    @GET
    @Path("/latest")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The newest briefing (JSON, or HTML with Accept: text/html)")
    public Response latest(@Context HttpHeaders headers) {
        return respond(briefings.latest().orElseThrow(() -> new NotFoundProblem("no briefing has been generated yet")),
                headers);
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "One briefing (JSON, or HTML with Accept: text/html)")
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("id", "not a UUID");
        }
        return respond(briefings.find(uuid).orElseThrow(() -> new NotFoundProblem("no briefing " + uuid)), headers);
    }

    private Response respond(BriefingEntity b, HttpHeaders headers) {
        if (wantsHtml(headers)) {
            BriefingContent content = briefings.content(b);
            Set<UUID> ids = new LinkedHashSet<>();
            content.cells().forEach(c -> ids.addAll(c.reportIds()));
            BriefingPage page = BriefingPage.of(b, content, queries.byIds(ids), catalogue, config.zone());
            return Response.ok(Templates.briefing(page).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(json(b), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Reads the request body; an absent body means all defaults. Malformed input is a 400 naming the field. */
    private GenerateRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new GenerateRequest(null, null, null);
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw InvalidRequestException.of("body", "must be a JSON object {from, to, regionCode}");
        }
        return new GenerateRequest(text(node, "from"), text(node, "to"), text(node, "regionCode"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw InvalidRequestException.of(field, "must be a string");
        }
        return v.asText();
    }

    /** HTML only when the client prefers it to JSON (browsers); JSON for {@code *}/{@code *} and no Accept. */
    static boolean wantsHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if ("application".equals(type.getType())
                    && (type.isWildcardSubtype() || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
                return false;
            }
            if ("text".equals(type.getType()) && (type.getSubtype().equals("html") || type.isWildcardSubtype())) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode json(BriefingEntity b) {
        try {
            ObjectNode content = (ObjectNode) mapper.readTree(b.content);
            ObjectNode out = mapper.createObjectNode();
            out.put("id", b.id.toString());
            out.set("kind", content.get("kind"));
            out.set("from", content.get("from"));
            out.set("to", content.get("to"));
            out.set("regionCode", content.get("regionCode"));
            out.put("generatedAt", b.generatedAt.toString());
            content.fields().forEachRemaining(e -> {
                if (!out.has(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            });
            out.put("contentHash", b.contentHash);
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored briefing " + b.id + " is not readable", e);
        }
    }
}
