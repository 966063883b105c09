package org.sitrep.risk.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The incremental region × category × hour counts. */
@ApplicationScoped
public class CategoryCounts {

    /** One cell. */
    public record Row(String regionCode, String category, Instant hour, long count) {
    }

    private final EntityManager em;

    public CategoryCounts(EntityManager em) {
        this.em = em;
    }

    /** Adds one to the cell of the hour the report occurred in (UTC), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void increment(String regionCode, String category, Instant occurredAt) {
        em.createNativeQuery("insert into category_count (region_code, category, hour_start, count) values (?1, ?2, ?3, 1) "
                        + "on conflict (region_code, category, hour_start) do update set count = category_count.count + 1")
                .setParameter(1, regionCode)
                .setParameter(2, category)
                .setParameter(3, occurredAt.truncatedTo(ChronoUnit.HOURS))
                .executeUpdate();
    }

    /** Takes one from the cell, in the caller's transaction: the report moved to another cell. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decrement(String regionCode, String category, Instant occurredAt) {
        em.createNativeQuery("update category_count set count = count - 1 "
                        + "where region_code = ?1 and category = ?2 and hour_start = ?3 and count > 0")
                .setParameter(1, regionCode)
                .setParameter(2, category)
                .setParameter(3, occurredAt.truncatedTo(ChronoUnit.HOURS))
                .executeUpdate();
    }

    /** Cells with hour in [from, to), for the given regions (all when null), ordered by hour, region, category. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> find(Instant from, Instant to, List<String> regionCodes) {
        String jpql = "select c from CategoryCountEntity c where c.hourStart >= :from and c.hourStart < :to"
                + (regionCodes == null ? "" : " and c.regionCode in :regions")
                + " order by c.hourStart, c.regionCode, c.category";
        var q = em.createQuery(jpql, CategoryCountEntity.class).setParameter("from", from).setParameter("to", to);
        if (regionCodes != null) {
            q.setParameter("regions", regionCodes);
        }
        return q.getResultList().stream().map(c -> new Row(c.regionCode, c.category, c.hourStart, c.count)).toList();
    }
}
