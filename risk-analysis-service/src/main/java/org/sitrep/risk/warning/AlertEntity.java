package org.sitrep.risk.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One alert as it stands after its latest lifecycle step. */
@Entity
@Table(name = "risk_alert")
public class AlertEntity {

    public enum Status {
        RAISED, UPDATED, ACKNOWLEDGED, RESOLVED, EXPIRED;

        public boolean open() {
            return this == RAISED || this == UPDATED || this == ACKNOWLEDGED;
        }

        public String ceType() {
            return "org.sitrep.alert." + name().toLowerCase(java.util.Locale.ROOT) + ".v1";
        }
    }

    public enum Kind { SPIKE, SUSTAINED_RISE, SEVERE_REPORT }

    @Id
    public UUID id;
    public int version;
    @Column(length = 16)
    public String status;
    @Column(length = 16)
    public String kind;
    @Column(name = "region_code", length = 6)
    public String regionCode;
    @Column(name = "region_level", length = 8)
    public String regionLevel;
    @Column(length = 32)
    public String category;
    @Column(length = 3)
    public String severity;
    public LocalDate day;
    public Long observed;
    public Double expected;
    @Column(name = "p_value")
    public Double pValue;
    public Double cusum;
    public String headline;
    public String description;
    @Column(name = "report_ids")
    public String reportIds;
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
    @Column(name = "acknowledgement_note")
    public String acknowledgementNote;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public Status statusValue() {
        return Status.valueOf(status);
    }
}
