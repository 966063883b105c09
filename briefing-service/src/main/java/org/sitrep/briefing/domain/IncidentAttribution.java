package org.sitrep.briefing.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an incident counts on the situation map: the cell (region, category, hour of {@code occurredAt}) of its
 * <b>earliest</b> report (ties broken by the smallest report id, in PostgreSQL's uuid order), so every incident counts
 * in exactly one cell however many regions or categories its reports span. Recomputed from the incident's remaining
 * reports whenever one joins, leaves or changes; an incident without reports has no attribution (pure).
 */
public record IncidentAttribution(UUID incidentId, UUID firstReportId, String regionCode, String category,
        Instant occurredAt, Instant hourStart, int reportCount, Severity maxSeverity, Instant lastOccurredAt) {

    /** The facts of a member report that attribution depends on. */
    public record Member(UUID reportId, String regionCode, String category, Instant occurredAt, String severity) {
    }

    /** Earliest first; equal times by report id as PostgreSQL orders uuids (unsigned bytes = lowercase hex text). */
    public static final Comparator<Member> EARLIEST_FIRST = Comparator.comparing(Member::occurredAt)
            .thenComparing(m -> m.reportId().toString());

    public static Optional<IncidentAttribution> of(UUID incidentId, Collection<Member> members) {
        Objects.requireNonNull(incidentId, "incidentId");
        if (members.isEmpty()) {
            return Optional.empty();
        }
        Member first = members.stream().min(EARLIEST_FIRST).orElseThrow();
        Instant last = members.stream().map(Member::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
        Severity gravest = members.stream().map(m -> Severity.parse(m.severity()).orElse(Severity.IV))
                .min(Comparator.comparingInt(Severity::rank)).orElseThrow();
        return Optional.of(new IncidentAttribution(incidentId, first.reportId(), first.regionCode(), first.category(),
                first.occurredAt(), Period.hourOf(first.occurredAt()), members.size(), gravest, last));
    }
}
