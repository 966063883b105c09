package org.sitrep.ingest.rest;

import java.time.Instant;
import java.util.UUID;

/** The answer to an accepted submission. */
public record SubmissionResponse(UUID id, String status, Instant receivedAt) {
}
