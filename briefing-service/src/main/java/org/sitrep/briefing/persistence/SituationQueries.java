package org.sitrep.briefing.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.CellKey;
import org.sitrep.briefing.domain.Period;
import org.sitrep.briefing.domain.Timeliness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The read queries of the situation map. Counts come from the hourly aggregate for the whole hours of a period and
 * from the reports themselves for the partial hours at its edges. {@code regions} null means every region.
 */
@ApplicationScoped
public class SituationQueries {

    private final DataSource dataSource;

    public SituationQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<CellKey, Long> countCells(Period period, Set<String> regions) {
        Map<CellKey, Long> counts = new HashMap<>();
        Period.HourSplit split = period.hourSplit();
        try (Connection c = dataSource.getConnection()) {
            if (split.wholeHours().isPresent()) {
                Period whole = split.wholeHours().get();
                collect(c, "select region_code, category, sum(count) from situation_count "
                        + "where hour_start >= ? and hour_start < ?" + regionFilter(regions)
                        + " group by region_code, category", whole, regions, counts);
            }
            for (Period edge : split.edges()) {
                collect(c, "select region_code, category, count(*) from classified_report "
                        + "where occurred_at >= ? and occurred_at < ?" + regionFilter(regions)
                        + " group by region_code, category", edge, regions, counts);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the situation", e);
        }
        return counts;
    }

    /**
     * Incidents of a period per region and category: each incident counts once, in the cell of its earliest report,
     * in the period that report falls in.
     */
    public Map<CellKey, Long> countIncidentCells(Period period, Set<String> regions) {
        Map<CellKey, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            collect(c, "select region_code, category, count(*) from incident where occurred_at >= ? and occurred_at < ?"
                    + regionFilter(regions) + " group by region_code, category", period, regions, counts);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count incidents", e);
        }
        return counts;
    }

    /** Incidents attributed to a period (by their earliest report), newest first. */
    public List<IncidentRow> incidents(Period period, Set<String> regions, Category category, long offset, int limit) {
        String sql = "select incident_id, region_code, category, occurred_at, last_occurred_at, report_count, "
                + "max_severity, first_report_id from incident where occurred_at >= ? and occurred_at < ?"
                + regionFilter(regions) + categoryFilter(category) + " order by occurred_at desc, incident_id offset ? limit ?";
        List<IncidentRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(c, ps, period, regions);
            if (category != null) {
                ps.setString(i++, category.name());
            }
            ps.setLong(i++, offset);
            ps.setLong(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new IncidentRow(rs.getObject(1, UUID.class), rs.getString(2).trim(), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6), rs.getString(7).trim(),
                            rs.getObject(8, UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read incidents", e);
        }
        return rows;
    }

    public long countIncidents(Period period, Set<String> regions, Category category) {
        String sql = "select count(*) from incident where occurred_at >= ? and occurred_at < ?"
                + regionFilter(regions) + categoryFilter(category);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(c, ps, period, regions);
            if (category != null) {
                ps.setString(i, category.name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count incidents", e);
        }
    }

    /** How many reports each of the given incidents has in all (whatever their time and region). */
    public Map<UUID, Integer> incidentReportCounts(Collection<UUID> incidentIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return counts;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select incident_id, report_count from incident where incident_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", incidentIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read incidents", e);
        }
        return counts;
    }

    /** Reports of a period, newest first. */
    public List<ReportRow> reports(Period period, Set<String> regions, Category category, long offset, int limit) {
        return reports(period, regions, category, null, offset, limit);
    }

    /** Reports of a period, newest first, optionally of one unit. */
    public List<ReportRow> reports(Period period, Set<String> regions, Category category, String unitId, long offset,
            int limit) {
        String sql = "select report_id, title, unit_id, region_code, occurred_at, severity, category, incident_id from classified_report "
                + "where occurred_at >= ? and occurred_at < ?" + regionFilter(regions) + categoryFilter(category)
                + unitFilter(unitId) + " order by occurred_at desc, report_id offset ? limit ?";
        return query(sql, period, regions, category, unitId, offset, limit);
    }

    public long countReports(Period period, Set<String> regions, Category category) {
        return countReports(period, regions, category, null);
    }

    public long countReports(Period period, Set<String> regions, Category category, String unitId) {
        String sql = "select count(*) from classified_report where occurred_at >= ? and occurred_at < ?"
                + regionFilter(regions) + categoryFilter(category) + unitFilter(unitId);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(c, ps, period, regions);
            if (category != null) {
                ps.setString(i++, category.name());
            }
            if (unitId != null) {
                ps.setString(i, unitId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count reports", e);
        }
    }

    /** Every report of a period (for the cells of a briefing), newest first. */
    public List<ReportRow> allReports(Period period, Set<String> regions) {
        return reports(period, regions, null, 0, Integer.MAX_VALUE);
    }

    /** The unit, occurredAt and receivedAt of every report of a period: what reporting timeliness is computed from. */
    public List<Timeliness.Sample> timelinessSamples(Period period, Set<String> regions) {
        String sql = "select unit_id, occurred_at, received_at from classified_report where occurred_at >= ? and occurred_at < ?"
                + regionFilter(regions);
        List<Timeliness.Sample> samples = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, period, regions);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    samples.add(new Timeliness.Sample(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read report times", e);
        }
        return samples;
    }

    public Map<UUID, ReportRow> byIds(Collection<UUID> ids) {
        Map<UUID, ReportRow> rows = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select report_id, title, unit_id, region_code, occurred_at, "
                     + "severity, category, incident_id from classified_report where report_id = any (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ReportRow row = row(rs);
                    rows.put(row.id(), row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read reports", e);
        }
        return rows;
    }

    private List<ReportRow> query(String sql, Period period, Set<String> regions, Category category, String unitId,
            long offset, int limit) {
        List<ReportRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bind(c, ps, period, regions);
            if (category != null) {
                ps.setString(i++, category.name());
            }
            if (unitId != null) {
                ps.setString(i++, unitId);
            }
            ps.setLong(i++, offset);
            ps.setLong(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read reports", e);
        }
        return rows;
    }

    private static ReportRow row(ResultSet rs) throws SQLException {
        return new ReportRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7),
                rs.getObject(8, UUID.class));
    }

    private static void collect(Connection c, String sql, Period period, Set<String> regions,
            Map<CellKey, Long> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, period, regions);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String region = rs.getString(1).trim();
                    String category = rs.getString(2);
                    long n = rs.getLong(3);
                    Category.parse(category).ifPresent(cat -> into.merge(new CellKey(region, cat), n, Long::sum));
                }
            }
        }
    }

    /** Binds period and region filter; returns the next parameter index. */
    private static int bind(Connection c, PreparedStatement ps, Period period, Set<String> regions) throws SQLException {
        ps.setObject(1, OffsetDateTime.ofInstant(period.from(), ZoneOffset.UTC));
        ps.setObject(2, OffsetDateTime.ofInstant(period.to(), ZoneOffset.UTC));
        if (regions == null) {
            return 3;
        }
        Array array = c.createArrayOf("varchar", regions.toArray());
        ps.setArray(3, array);
        return 4;
    }

    private static String regionFilter(Set<String> regions) {
        return regions == null ? "" : " and region_code = any (?)";
    }

    private static String unitFilter(String unitId) {
        return unitId == null ? "" : " and unit_id = ?";
    }

    private static String categoryFilter(Category category) {
        return category == null ? "" : " and category = ?";
    }
}
