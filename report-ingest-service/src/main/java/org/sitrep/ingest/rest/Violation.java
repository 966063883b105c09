package org.sitrep.ingest.rest;

/** One problem with one field of a request; {@code field} is a path such as {@code casualties.deaths} or {@code $}. */
public record Violation(String field, String message) {
}
