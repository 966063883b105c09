package org.sitrep.briefing.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sitrep.briefing.domain.Severity;
import org.sitrep.briefing.persistence.ReportRow;

/** Groups the reports of a briefing by incident (pure), so that one incident is listed once. */
public final class IncidentGroups {

    /** Newest first; equal times by report id (as PostgreSQL orders uuids). */
    static final Comparator<ReportRow> NEWEST_FIRST = Comparator.comparing(ReportRow::occurredAt).reversed()
            .thenComparing(r -> r.id().toString());

    /** The gravest first (grade I), then the newest. */
    static final Comparator<ReportRow> GRAVEST_FIRST = Comparator
            .comparingInt((ReportRow r) -> Severity.parse(r.severity()).map(Severity::rank).orElse(Severity.values().length + 1))
            .thenComparing(NEWEST_FIRST);

    /** The reports of one incident (newest first) and the gravest of them, which stands for the incident. */
    public record Group(UUID incidentId, ReportRow gravest, List<ReportRow> reports) {
    }

    private IncidentGroups() {
    }

    /** The incident a report belongs to; a report without one is an incident of its own. */
    static UUID incidentOf(ReportRow r) {
        return r.incidentId() != null ? r.incidentId() : r.id();
    }

    /** The incidents of the reports, in the order their newest report comes; each group's reports newest first. */
    public static List<Group> byIncident(List<ReportRow> reports) {
        List<ReportRow> sorted = new ArrayList<>(reports);
        sorted.sort(NEWEST_FIRST);
        Map<UUID, List<ReportRow>> groups = new LinkedHashMap<>();
        for (ReportRow r : sorted) {
            groups.computeIfAbsent(incidentOf(r), k -> new ArrayList<>()).add(r);
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((id, members) -> out.add(
                new Group(id, members.stream().min(GRAVEST_FIRST).orElseThrow(), List.copyOf(members))));
        return out;
    }

    /** At most {@code limit} incidents, the one with the gravest report first (then the newest). */
    public static List<Group> mostSevere(List<ReportRow> reports, int limit) {
        return byIncident(reports).stream()
                .sorted(Comparator.comparing(Group::gravest, GRAVEST_FIRST))
                .limit(Math.max(0, limit))
                .toList();
    }
}
