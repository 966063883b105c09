package org.sitrep.briefing.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.sitrep.briefing.service.InvalidRequestException;
import org.sitrep.briefing.service.NotFoundProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.core.Response;

/** Maps failures to RFC 9457 {@code application/problem+json} answers; bad input is a 4xx naming the field. */
public class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return problem(400, "Invalid request", e.getMessage(), e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return problem(404, "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response noPdfFont(BriefingPdf.FontUnavailableException e) {
        return problem(503, "PDF unavailable", e.getMessage() + "; JSON and HTML are available", null);
    }

    @ServerExceptionMapper
    public Response riskAnalysisUnavailable(org.sitrep.briefing.alerts.AlertAcknowledgements.Unavailable e) {
        return problem(503, "risk-analysis-service unavailable", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return problem(400, "Malformed JSON body", e.getOriginalMessage(),
                List.of(Map.of("field", "body", "message", "not a JSON object of the expected shape")));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        String field = e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null ? "body"
                : e.getPath().get(0).getFieldName();
        return problem(400, "Malformed JSON body", e.getOriginalMessage(),
                List.of(Map.of("field", field, "message", "has the wrong type")));
    }

    Response problem(int status, String title, String detail, List<Map<String, String>> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (violations != null) {
            body.put("violations", violations);
        }
        try {
            return Response.status(status).type(PROBLEM_JSON).entity(mapper.writeValueAsString(body)).build();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
