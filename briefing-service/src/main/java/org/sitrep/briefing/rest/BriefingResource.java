package org.sitrep.briefing.rest;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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

/** Briefings: generate one for a period, list them (also as an Atom feed), read one as JSON (default), HTML or PDF. */
@Path("/api/v1/briefings")
public class BriefingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance briefing(BriefingPage page);
    }

    /** The body of {@code POST /api/v1/briefings}; every field optional (defaults as for the situation map). */
    public record GenerateRequest(String from, String to, String regionCode, String language) {
    }

    public static final String APPLICATION_PDF = "application/pdf";
    public static final String APPLICATION_ATOM = "application/atom+xml";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final int FEED_SIZE = 50;
    private static final DateTimeFormatter OFFICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The representations of one briefing. */
    enum Format {
        JSON, HTML, PDF
    }

    private final BriefingService briefings;
    private final RequestParams params;
    private final SituationQueries queries;
    private final RegionCatalogue catalogue;
    private final BriefingConfig config;
    private final ObjectMapper mapper;
    private final BriefingPdf pdf;

    public BriefingResource(BriefingService briefings, RequestParams params, SituationQueries queries,
            RegionCatalogue catalogue, BriefingConfig config, ObjectMapper mapper, BriefingPdf pdf) {
        this.pdf = pdf;
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
        String language = params.language(r.language());
        BriefingEntity b = briefings.generateOnDemand(params.period(r.from(), r.to()), scope, language);
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
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, APPLICATION_PDF})
    @Operation(summary = "The newest briefing: JSON (default), HTML (Accept: text/html) or PDF (Accept: application/pdf); ?format= overrides Accept")
    public Response latest(@QueryParam("format") String format, @Context HttpHeaders headers, @Context UriInfo uri) {
        Format f = format(format, headers);
        return respond(briefings.latest().orElseThrow(() -> new NotFoundProblem("no briefing has been generated yet")),
                f, uri);
    }

    @GET
    @Path("/feed")
    @Produces(APPLICATION_ATOM)
    @Operation(summary = "Atom feed of the newest briefings, each linking to its HTML page and PDF")
    public Response feed(@Context UriInfo uri) {
        params.onlyKnown(uri.getQueryParameters().keySet(), Set.of());
        List<BriefingEntity> items = briefings.list(0, FEED_SIZE).items();
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM_NS);
            element(x, "id", base + "/api/v1/briefings/feed");
            element(x, "title", "SitRep 态势简报");
            element(x, "updated", (items.isEmpty() ? Instant.EPOCH : items.get(0).generatedAt).toString());
            link(x, "self", APPLICATION_ATOM, base + "/api/v1/briefings/feed");
            x.writeStartElement("author");
            element(x, "name", "SitRep briefing-service");
            x.writeEndElement();
            for (BriefingEntity b : items) {
                BriefingContent content = briefings.content(b);
                String href = base + "/api/v1/briefings/" + b.id;
                x.writeStartElement("entry");
                element(x, "id", "urn:uuid:" + b.id);
                element(x, "title", BriefingService.kindLabel(b.kind, false) + " · "
                        + (b.regionCode == null ? "全部地区" : catalogue.nameOf(b.regionCode)) + " · "
                        + officeTime(b.periodFrom) + " 至 " + officeTime(b.periodTo));
                element(x, "updated", b.generatedAt.toString());
                element(x, "published", b.generatedAt.toString());
                link(x, "alternate", MediaType.TEXT_HTML, href + "?format=html");
                link(x, "enclosure", APPLICATION_PDF, href + "?format=pdf");
                link(x, "related", MediaType.APPLICATION_JSON, href + "?format=json");
                String summary = content.narrative() == null || content.narrative().paragraphs().isEmpty()
                        ? "报告 " + b.reportCount + (b.incidentCount == null ? "" : " · 事件 " + b.incidentCount)
                        : content.narrative().paragraphs().get(0);
                element(x, "summary", summary);
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the feed cannot be written", e);
        }
        return Response.ok(out.toString(), MediaType.valueOf(APPLICATION_ATOM).withCharset("UTF-8")).build();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    private String officeTime(Instant t) {
        return OFFICE_TIME.format(t.atZone(config.zone()));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, APPLICATION_PDF})
    @Operation(summary = "One briefing: JSON (default), HTML (Accept: text/html) or PDF (Accept: application/pdf); ?format= overrides Accept")
    public Response get(@PathParam("id") String id, @QueryParam("format") String format, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("id", "not a UUID");
        }
        Format f = format(format, headers);
        return respond(briefings.find(uuid).orElseThrow(() -> new NotFoundProblem("no briefing " + uuid)), f, uri);
    }

    private Response respond(BriefingEntity b, Format format, UriInfo uri) {
        if (format == Format.JSON) {
            return Response.ok(json(b), MediaType.APPLICATION_JSON_TYPE).build();
        }
        BriefingContent content = briefings.content(b);
        Set<UUID> ids = new LinkedHashSet<>();
        content.cells().forEach(c -> ids.addAll(c.reportIds()));
        BriefingPage page = BriefingPage.of(b, content, queries.byIds(ids), catalogue, config.zone());
        String html = Templates.briefing(page).render();
        if (format == Format.HTML) {
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        byte[] document = pdf.render(html, uri.getBaseUri().toString());
        return Response.ok(document, APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"briefing-" + b.id + ".pdf\"").build();
    }

    /** {@code ?format=json|html|pdf} if given, else the client's preference (Accept, by quality). */
    static Format format(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "html" -> Format.HTML;
                case "pdf" -> Format.PDF;
                default -> throw InvalidRequestException.of("format", "must be one of json, html, pdf");
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return Format.JSON;
            }
            if ("application".equals(type.getType())) {
                if (type.getSubtype().equals("pdf")) {
                    return Format.PDF;
                }
                if (type.isWildcardSubtype() || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                    return Format.JSON;
                }
            }
            if ("text".equals(type.getType()) && (type.getSubtype().equals("html") || type.isWildcardSubtype())) {
                return Format.HTML;
            }
        }
        return Format.JSON;
    }

    /** Reads the request body; an absent body means all defaults. Malformed input is a 400 naming the field. */
    private GenerateRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new GenerateRequest(null, null, null, null);
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw InvalidRequestException.of("body", "must be a JSON object {from, to, regionCode, language}");
        }
        return new GenerateRequest(text(node, "from"), text(node, "to"), text(node, "regionCode"), text(node, "language"));
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
