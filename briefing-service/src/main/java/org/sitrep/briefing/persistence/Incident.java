package org.sitrep.briefing.persistence;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An incident and the cell it is attributed to (that of its earliest report); see {@code IncidentAttribution}. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "first_report_id")
    public UUID firstReportId;

    @Column(name = "region_code")
    public String regionCode;

    public String category;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "hour_start")
    public Instant hourStart;

    @Column(name = "report_count")
    public int reportCount;

    @Column(name = "max_severity")
    public String maxSeverity;

    @Column(name = "last_occurred_at")
    public Instant lastOccurredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
