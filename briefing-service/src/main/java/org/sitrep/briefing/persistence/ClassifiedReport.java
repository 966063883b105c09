package org.sitrep.briefing.persistence;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest applied classification of a report (the read model row). */
@Entity
@Table(name = "classified_report")
public class ClassifiedReport extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    public int version;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String title;

    public String summary;

    public String category;

    public String severity;

    public double confidence;

    @Column(name = "needs_review")
    public boolean needsReview;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "model_version")
    public String modelVersion;

    @Column(name = "taxonomy_version")
    public String taxonomyVersion;

    @Column(name = "classified_at")
    public Instant classifiedAt;

    public Integer deaths;

    public Integer injured;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
