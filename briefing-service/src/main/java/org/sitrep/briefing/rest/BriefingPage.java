package org.sitrep.briefing.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.Severity;
import org.sitrep.briefing.domain.Situation;
import org.sitrep.briefing.persistence.BriefingEntity;
import org.sitrep.briefing.persistence.ReportRow;
import org.sitrep.briefing.service.BriefingContent;
import org.sitrep.briefing.service.NarrativeGenerator;
import org.sitrep.briefing.service.ReportItem;
import org.sitrep.regions.RegionCatalogue;

/**
 * What the HTML page of a briefing shows, prepared for the template (all text as data, escaped by Qute): reports and
 * incidents side by side. Briefings stored before incidents were counted have no incident figures ({@code incidents}
 * false): the page then shows reports only.
 */
public record BriefingPage(String id, String kindLabel, String scopeName, String from, String to, String generatedAt,
        String zone, String contentHash, long reportCount, long incidentCount, boolean incidents, List<Figure> headline,
        List<String> categoryLabels, List<Row> rows, Row totals, List<Severe> mostSevere, List<CellReports> cells,
        List<String> narrative, boolean hasTimeliness, String timelinessLimit, List<UnitRow> timeliness,
        List<AlertRow> alerts) {

    /** A unit's reporting timeliness; {@code reports} links to its reports of the period. */
    public record UnitRow(String unitId, int reportCount, String medianDelay, String withinHourPercent,
            boolean beyondLimit, String reports) {
    }

    /** An early warning active at the end of the period. */
    public record AlertRow(String regionName, String categoryLabel, String kind, String severity, String status,
            String headline, String raisedAt) {
    }

    public record Figure(String label, long value, long previous, String change, long incidents,
            long previousIncidents, String incidentChange) {
    }

    public record Row(String name, List<Cell> cells, long total, String change, long incidents, String incidentChange) {
    }

    public record Cell(long count, String change, String anchor, long incidents, String incidentChange) {
        public boolean linked() {
            return count > 0 && anchor != null;
        }
    }

    public record Report(String id, String title, String unitId, String regionName, String occurredAt, String severity,
            String category) {
    }

    /** An incident of the most-severe list: its gravest report and how many reports it has here and in all. */
    public record Severe(Report report, String incidentId, int reportCount, int incidentReportCount) {
        public boolean moreElsewhere() {
            return incidentReportCount > reportCount;
        }
    }

    /** The reports of one incident within a cell, newest first; {@code title} is that of its gravest report. */
    public record IncidentGroup(String incidentId, String title, List<Report> reports) {
    }

    public record CellReports(String anchor, String regionName, String categoryLabel, int count, int incidentCount,
            List<IncidentGroup> incidents) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static BriefingPage of(BriefingEntity b, BriefingContent c, Map<UUID, ReportRow> reports,
            RegionCatalogue catalogue, ZoneId zone) {
        BriefingContent.Headline h = c.headline();
        boolean incidents = h.incidentTotals() != null;
        List<Figure> headline = new ArrayList<>();
        headline.add(figure("合计", Category.ALL, h));
        for (Category cat : Category.values()) {
            headline.add(figure(cat.label, cat.name(), h));
        }
        List<String> labels = new ArrayList<>();
        for (Category cat : Category.values()) {
            labels.add(cat.label);
        }
        List<Row> rows = new ArrayList<>();
        for (Situation.Row r : c.situation().regions()) {
            List<Cell> cells = new ArrayList<>();
            for (Category cat : Category.values()) {
                cells.add(new Cell(value(r.counts(), cat.name()), signed(value(r.change(), cat.name())),
                        anchor(r.regionCode(), cat.name()), value(r.incidents(), cat.name()),
                        signed(value(r.incidentChange(), cat.name()))));
            }
            rows.add(new Row(r.name(), cells, r.total(), signed(value(r.change(), Category.ALL)),
                    value(r.incidents(), Category.ALL), signed(value(r.incidentChange(), Category.ALL))));
        }
        Situation s = c.situation();
        List<Cell> totalCells = new ArrayList<>();
        for (Category cat : Category.values()) {
            totalCells.add(new Cell(value(s.totals(), cat.name()), signed(value(s.change(), cat.name())), null,
                    value(s.incidentTotals(), cat.name()), signed(value(s.incidentChange(), cat.name()))));
        }
        Row totals = new Row("合计", totalCells, value(s.totals(), Category.ALL), signed(value(s.change(), Category.ALL)),
                value(s.incidentTotals(), Category.ALL), signed(value(s.incidentChange(), Category.ALL)));
        List<Severe> mostSevere = c.mostSevere().stream().map(i -> new Severe(
                report(new ReportItem(i.id(), i.title(), i.unitId(), i.regionCode(), i.regionName(), i.occurredAt(),
                        i.severity(), i.category(), i.incidentId()), zone),
                i.incidentId() == null ? "" : i.incidentId().toString(), Math.max(1, i.reportCount()),
                Math.max(1, Math.max(i.reportCount(), i.incidentReportCount())))).toList();
        List<CellReports> cellReports = new ArrayList<>();
        for (BriefingContent.Cell cell : c.cells()) {
            List<IncidentGroup> groups = new ArrayList<>();
            if (cell.incidents() != null) {
                for (BriefingContent.CellIncident incident : cell.incidents()) {
                    groups.add(new IncidentGroup(incident.incidentId().toString(), title(incident.reportIds(), reports),
                            incident.reportIds().stream().map(id -> report(id, reports, catalogue, zone)).toList()));
                }
            } else { // stored before incidents: every report on its own
                for (UUID id : cell.reportIds()) {
                    groups.add(new IncidentGroup(id.toString(), title(List.of(id), reports),
                            List.of(report(id, reports, catalogue, zone))));
                }
            }
            cellReports.add(new CellReports(anchor(cell.regionCode(), cell.category()), catalogue.nameOf(cell.regionCode()),
                    Category.parse(cell.category()).map(x -> x.label).orElse(cell.category()), cell.reportIds().size(),
                    groups.size(), groups));
        }
        List<String> narrative = c.narrative() == null ? List.of() : c.narrative().paragraphs();
        List<UnitRow> units = c.timeliness() == null ? List.of() : c.timeliness().units().stream()
                .map(u -> new UnitRow(u.unitId(), u.reportCount(), NarrativeGenerator.duration(true, u.medianDelaySeconds()),
                        u.withinHourPercent().toPlainString() + "%", u.beyondLimit(), u.reports()))
                .toList();
        String limit = c.timeliness() == null ? ""
                : NarrativeGenerator.duration(true, java.time.Duration.parse(c.timeliness().limit()).getSeconds());
        List<AlertRow> alerts = c.activeAlerts() == null ? List.of() : c.activeAlerts().stream()
                .map(a -> new AlertRow(a.regionCode() == null ? "" : catalogue.nameOf(a.regionCode()),
                        Category.parse(a.category()).map(x -> x.label).orElse(String.valueOf(a.category())), a.kind(),
                        Severity.parse(a.severity()).map(x -> x.name() + " " + x.label).orElse(a.severity()),
                        a.status(), a.headline(), a.raisedAt() == null ? "" : time(a.raisedAt(), zone)))
                .toList();
        return new BriefingPage(b.id.toString(), kindLabel(b.kind),
                c.regionCode() == null ? "全部地区" : catalogue.nameOf(c.regionCode()),
                time(c.from(), zone), time(c.to(), zone), time(b.generatedAt, zone), zone.getId(), b.contentHash,
                h.reportCount(), h.incidentCount(), incidents, headline, labels, rows, totals, mostSevere, cellReports,
                narrative, c.timeliness() != null, limit, units, alerts);
    }

    private static Figure figure(String label, String key, BriefingContent.Headline h) {
        return new Figure(label, value(h.totals(), key), value(h.previousTotals(), key), signed(value(h.change(), key)),
                value(h.incidentTotals(), key), value(h.previousIncidentTotals(), key),
                signed(value(h.incidentChange(), key)));
    }

    /** The title of the gravest (then newest) of the reports. */
    private static String title(List<UUID> ids, Map<UUID, ReportRow> reports) {
        return ids.stream().map(reports::get).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.comparingInt((ReportRow r) -> Severity.parse(r.severity()).map(Severity::rank).orElse(9))
                        .thenComparing(ReportRow::occurredAt, java.util.Comparator.reverseOrder()))
                .map(r -> r.title() == null ? "（无标题）" : r.title()).orElse("");
    }

    static String anchor(String regionCode, String category) {
        return "cell-" + regionCode + "-" + category;
    }

    private static Report report(UUID id, Map<UUID, ReportRow> reports, RegionCatalogue catalogue, ZoneId zone) {
        ReportRow row = reports.get(id);
        return row == null ? new Report(id.toString(), id.toString(), "", "", "", "", "")
                : report(ReportItem.of(row, catalogue), zone);
    }

    private static Report report(ReportItem r, ZoneId zone) {
        return new Report(r.id().toString(), r.title() == null ? "（无标题）" : r.title(), r.unitId(), r.regionName(), time(r.occurredAt(), zone),
                Severity.parse(r.severity()).map(s -> s.name() + " " + s.label).orElse(r.severity()),
                Category.parse(r.category()).map(x -> x.label).orElse(r.category()));
    }

    private static long value(Map<String, Long> m, String key) {
        Long v = m == null ? null : m.get(key);
        return v == null ? 0 : v;
    }

    static String signed(long n) {
        return n > 0 ? "+" + n : n < 0 ? "−" + (-n) : "±0";
    }

    private static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "DAILY" -> "每日简报";
            case "WEEKLY" -> "每周简报";
            default -> "即时简报";
        };
    }
}
