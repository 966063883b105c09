package org.sitrep.ingest.rest;

import java.util.List;

import org.jboss.logging.Logger;
import org.sitrep.messaging.TransientFailures;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Every error leaves the service as application/problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return Problem.of(415, "unsupported-media-type", "Unsupported media type", "send application/json encoded as UTF-8",
                List.of(new Violation("Content-Type", "must be application/json"))).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.notFound("no such resource").toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problem.of(405, "method-not-allowed", "Method not allowed", e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return Problem.of(status, "http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("request failed while the database is unavailable: %s", e.getMessage());
            return Response.fromResponse(Problem.of(503, "service-unavailable", "Service unavailable",
                    "the database is not reachable; retry the request shortly", null).toResponse())
                    .header("Retry-After", "5").build();
        }
        LOG.error("unexpected failure", e);
        return Problem.of(500, "internal-error", "Internal error", "the request could not be completed; it can be retried", null)
                .toResponse();
    }
}
