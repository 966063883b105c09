package org.sitrep.ingest.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem document, with the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String BASE = "https://sitrep.example/problems/";

    public static Problem of(int status, String slug, String title, String detail, List<Violation> violations) {
        return new Problem(BASE + slug, title, status, detail, violations == null || violations.isEmpty() ? null : violations);
    }

    public static Problem invalid(List<Violation> violations) {
        return of(400, "invalid-report", "The report is not valid", summary(violations), violations);
    }

    public static Problem invalidRequest(List<Violation> violations) {
        return of(400, "invalid-request", "The request is not valid", summary(violations), violations);
    }

    public static Problem tooLarge(int limit) {
        return of(413, "request-too-large", "The request is too large",
                "the request body exceeds " + limit + " bytes", List.of(new Violation("$", "larger than " + limit + " bytes")));
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail, null);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }

    private static String summary(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(null);
    }
}
