package org.sitrep.risk.warning;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sitrep.regions.Region;
import org.sitrep.regions.RegionCatalogue;
import org.sitrep.risk.persistence.NativeValues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Daily counts per region × category × office day, summed from the hourly {@code category_count} cells (an office
 * day in a whole-hour zone is a run of 24 UTC hours). A county's series is its own cells; a city's series rolls up
 * the city's own cells and those of every region within it.
 */
@ApplicationScoped
public class DailyCounts {

    private final EntityManager em;
    private final RegionCatalogue regions;

    public DailyCounts(EntityManager em, RegionCatalogue regions) {
        this.em = em;
        this.regions = regions;
    }

    /** The county and city cells a report of this region counts towards (the region itself when county or city). */
    public List<Region> cellsOf(String regionCode) {
        List<Region> out = new ArrayList<>();
        regions.find(regionCode).ifPresent(r -> {
            if (r.level() == Region.Level.COUNTY || r.level() == Region.Level.CITY) {
                out.add(r);
            }
            if (r.level() == Region.Level.COUNTY && r.parentCode() != null) {
                regions.find(r.parentCode()).filter(p -> p.level() == Region.Level.CITY).ifPresent(out::add);
            }
        });
        return out;
    }

    /** The region codes whose hourly cells make up the series of this region. */
    public List<String> codesOf(Region region) {
        if (region.level() == Region.Level.COUNTY) {
            return List.of(region.code());
        }
        return regions.all().stream().map(Region::code)
                .filter(c -> c.equals(region.code()) || regions.isWithin(c, region.code())).toList();
    }

    /** Counts for the days {@code first} … {@code last} (index 0 = first). */
    public long[] series(Region region, String category, LocalDate first, LocalDate last, ZoneId zone) {
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        long[] counts = new long[days];
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select hour_start, count from category_count where region_code in (?1) "
                        + "and category = ?2 and hour_start >= ?3 and hour_start < ?4")
                .setParameter(1, codesOf(region)).setParameter(2, category)
                .setParameter(3, Timestamp.from(from)).setParameter(4, Timestamp.from(to)).getResultList();
        for (Object[] row : rows) {
            Instant hour = NativeValues.instant(row[0]);
            int d = (int) ChronoUnit.DAYS.between(first, hour.atZone(zone).toLocalDate());
            if (d >= 0 && d < days) {
                counts[d] += ((Number) row[1]).longValue();
            }
        }
        return counts;
    }

    /** Reports of the cell that occurred on the day, earliest first (at most {@code limit}). */
    public List<UUID> reports(Region region, String category, LocalDate day, ZoneId zone, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select report_id from report_classification where region_code in (?1) "
                        + "and category = ?2 and occurred_at >= ?3 and occurred_at < ?4 order by occurred_at, report_id")
                .setParameter(1, codesOf(region)).setParameter(2, category)
                .setParameter(3, Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .setParameter(4, Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .setMaxResults(limit).getResultList();
        return rows.stream().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString())).toList();
    }

    /** (region code, category) pairs with counts in [from, to). */
    public List<String[]> activeCells(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct region_code, category from category_count "
                        + "where hour_start >= ?1 and hour_start < ?2 and count > 0")
                .setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to)).getResultList();
        return rows.stream().map(r -> new String[] {r[0].toString(), r[1].toString()}).toList();
    }
}
