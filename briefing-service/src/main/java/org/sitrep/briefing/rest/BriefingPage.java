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
import org.sitrep.briefing.service.ReportItem;
import org.sitrep.regions.RegionCatalogue;

/** What the HTML page of a briefing shows, prepared for the template (all text as data, escaped by Qute). */
public record BriefingPage(String id, String kindLabel, String scopeName, String from, String to, String generatedAt,
        String zone, String contentHash, long reportCount, List<Figure> headline, List<String> categoryLabels,
        List<Row> rows, Row totals, List<Report> mostSevere, List<CellReports> cells) {

    public record Figure(String label, long value, long previous, String change) {
    }

    public record Row(String name, List<Cell> cells, long total, String change) {
    }

    public record Cell(long count, String change, String anchor) {
        public boolean linked() {
            return count > 0 && anchor != null;
        }
    }

    public record Report(String id, String title, String unitId, String regionName, String occurredAt, String severity,
            String category) {
    }

    public record CellReports(String anchor, String regionName, String categoryLabel, int count, List<Report> reports) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static BriefingPage of(BriefingEntity b, BriefingContent c, Map<UUID, ReportRow> reports,
            RegionCatalogue catalogue, ZoneId zone) {
        List<Figure> headline = new ArrayList<>();
        headline.add(new Figure("合计", value(c.headline().totals(), Category.ALL), value(c.headline().previousTotals(), Category.ALL),
                signed(value(c.headline().change(), Category.ALL))));
        for (Category cat : Category.values()) {
            headline.add(new Figure(cat.label, value(c.headline().totals(), cat.name()),
                    value(c.headline().previousTotals(), cat.name()), signed(value(c.headline().change(), cat.name()))));
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
                        anchor(r.regionCode(), cat.name())));
            }
            rows.add(new Row(r.name(), cells, r.total(), signed(value(r.change(), Category.ALL))));
        }
        List<Cell> totalCells = new ArrayList<>();
        for (Category cat : Category.values()) {
            totalCells.add(new Cell(value(c.situation().totals(), cat.name()), signed(value(c.situation().change(), cat.name())), null));
        }
        Row totals = new Row("合计", totalCells, value(c.situation().totals(), Category.ALL),
                signed(value(c.situation().change(), Category.ALL)));
        List<Report> mostSevere = c.mostSevere().stream().map(r -> report(r, zone)).toList();
        List<CellReports> cellReports = new ArrayList<>();
        for (BriefingContent.Cell cell : c.cells()) {
            List<Report> list = new ArrayList<>();
            for (UUID id : cell.reportIds()) {
                ReportRow row = reports.get(id);
                list.add(row == null ? new Report(id.toString(), id.toString(), "", "", "", "", "")
                        : report(ReportItem.of(row, catalogue), zone));
            }
            cellReports.add(new CellReports(anchor(cell.regionCode(), cell.category()), catalogue.nameOf(cell.regionCode()),
                    Category.parse(cell.category()).map(x -> x.label).orElse(cell.category()), list.size(), list));
        }
        return new BriefingPage(b.id.toString(), kindLabel(b.kind),
                c.regionCode() == null ? "全部地区" : catalogue.nameOf(c.regionCode()),
                time(c.from(), zone), time(c.to(), zone), time(b.generatedAt, zone), zone.getId(), b.contentHash,
                c.headline().reportCount(), headline, labels, rows, totals, mostSevere, cellReports);
    }

    static String anchor(String regionCode, String category) {
        return "cell-" + regionCode + "-" + category;
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
