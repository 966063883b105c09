package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

import org.sitrep.briefing.domain.Severity;

/** An early warning as a briefing lists it (from topic {@code risk-alerts}, see risk-alert.v1.schema.json). */
public record AlertSummary(UUID alertId, String regionCode, String category, String kind, String severity, String status,
        String headline, Instant raisedAt) {

    /** The order a briefing lists warnings in: the gravest first, then the newest, then by id (a total order). */
    public static final Comparator<AlertSummary> BRIEFING_ORDER = Comparator
            .comparingInt((AlertSummary a) -> Severity.parse(a.severity()).map(Severity::rank).orElse(9))
            .thenComparing(AlertSummary::raisedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(a -> String.valueOf(a.alertId()));
}
