package org.sitrep.briefing.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest applied version of an early warning (table {@code alert}). */
@Entity
@Table(name = "alert")
public class AlertEntity extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;

    public int version;

    public String status;

    public String kind;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    @Column(name = "region_level")
    public String regionLevel;

    public String category;

    public String severity;

    public String headline;

    public String description;

    /** JSON array of report ids. */
    @Column(name = "report_ids")
    public String reportIds;

    public LocalDate day;

    public Integer observed;

    public Double expected;

    @Column(name = "p_value")
    public Double pValue;

    public Double cusum;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "stored_at")
    public Instant storedAt;
}
