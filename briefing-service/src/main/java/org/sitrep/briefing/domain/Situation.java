package org.sitrep.briefing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The situation map of a period: region rows × the five categories, with the previous period of equal length and
 * the change against it — for reports ({@code counts}, {@code totals}, …) and, side by side, for incidents
 * ({@code incidents}, {@code incidentTotals}, …). An incident counts in the one cell of its earliest report (see
 * {@link IncidentAttribution}), so incident figures never count an incident twice. Report {@code counts} hold the five
 * categories; every other category map also holds {@code ALL}.
 */
public record Situation(Instant from, Instant to, String regionCode, List<Row> regions, Map<String, Long> totals,
        Map<String, Long> previousTotals, Map<String, Long> change, Map<String, Long> incidentTotals,
        Map<String, Long> previousIncidentTotals, Map<String, Long> incidentChange) {

    public record Row(String regionCode, String name, Map<String, Long> counts, long total, Map<String, Long> previous,
            Map<String, Long> change, Map<String, Long> incidents, Map<String, Long> previousIncidents,
            Map<String, Long> incidentChange) {
    }

    public long total() {
        return totals.getOrDefault(Category.ALL, 0L);
    }

    public long incidentTotal() {
        return incidentTotals == null ? 0 : incidentTotals.getOrDefault(Category.ALL, 0L);
    }
}
