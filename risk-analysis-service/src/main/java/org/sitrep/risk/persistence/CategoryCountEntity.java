package org.sitrep.risk.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Number of classified reports of one category that occurred in one region during one UTC hour. */
@Entity
@Table(name = "category_count")
@IdClass(CategoryCountEntity.Key.class)
public class CategoryCountEntity {

    @Id
    @Column(name = "region_code", length = 6)
    public String regionCode;
    @Id
    @Column(length = 32)
    public String category;
    @Id
    @Column(name = "hour_start")
    public Instant hourStart;
    public long count;

    public static class Key implements Serializable {
        public String regionCode;
        public String category;
        public Instant hourStart;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(regionCode, k.regionCode) && Objects.equals(category, k.category)
                    && Objects.equals(hourStart, k.hourStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(regionCode, category, hourStart);
        }
    }
}
