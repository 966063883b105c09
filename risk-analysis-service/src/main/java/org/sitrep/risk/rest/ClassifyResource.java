package org.sitrep.risk.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.sitrep.risk.classification.Category;
import org.sitrep.risk.service.Analysis;
import org.sitrep.risk.service.RiskAnalyzer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Stateless preview: classifies and grades a text without storing anything. */
@Path("/api/v1/classify")
public class ClassifyResource {

    static final int MAX_BODY = 20_000;
    static final int MAX_TITLE = 200;

    /** The response. */
    public record ClassifyResponse(Category category, double confidence, Map<Category, Double> scores, String severity,
            List<String> severityReasons, List<String> evidence, boolean needsReview, String modelVersion,
            String taxonomyVersion) {
    }

    private final RiskAnalyzer analyzer;
    private final ObjectMapper mapper;

    public ClassifyResource(RiskAnalyzer analyzer, ObjectMapper mapper) {
        this.analyzer = analyzer;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Classify and grade a report text (nothing is stored)")
    public ClassifyResponse classify(@RequestBody(description = "{\"title\": optional string ≤ 200, \"body\": string ≤ 20,000}") String json) {
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "Malformed JSON",
                    List.of(new Problem.Violation("body", "request is not valid JSON: " + e.getOriginalMessage())));
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(400, "Invalid request",
                    List.of(new Problem.Violation("$", "request must be a JSON object with a body field")));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        String title = null;
        JsonNode t = node.get("title");
        if (t != null && !t.isNull()) {
            if (!t.isTextual()) {
                violations.add(new Problem.Violation("title", "must be a string"));
            } else if (t.asText().length() > MAX_TITLE) {
                violations.add(new Problem.Violation("title", "must be at most " + MAX_TITLE + " characters"));
            } else {
                title = t.asText();
            }
        }
        JsonNode b = node.get("body");
        String body = null;
        boolean tooLarge = false;
        if (b == null || b.isNull()) {
            violations.add(new Problem.Violation("body", "is required"));
        } else if (!b.isTextual()) {
            violations.add(new Problem.Violation("body", "must be a string"));
        } else if (b.asText().isBlank()) {
            violations.add(new Problem.Violation("body", "must not be blank"));
        } else if (b.asText().length() > MAX_BODY) {
            violations.add(new Problem.Violation("body", "must be at most " + MAX_BODY + " characters"));
            tooLarge = true;
        } else {
            body = b.asText();
        }
        if (!violations.isEmpty()) {
            boolean onlySize = tooLarge && violations.size() == 1;
            throw new ProblemException(onlySize ? 413 : 400, onlySize ? "Content too large" : "Invalid request",
                    violations);
        }
        Analysis a = analyzer.analyze(title, body, null);
        Map<Category, Double> scores = new LinkedHashMap<>(a.classification().scores());
        return new ClassifyResponse(a.classification().category(), a.classification().confidence(), scores,
                a.severity().grade().name(), a.severity().reasons(), a.classification().evidence(),
                a.classification().needsReview(), a.classification().modelVersion(),
                a.classification().taxonomyVersion());
    }
}
