package org.sitrep.ingest.persistence;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored report with its latest classification (table {@code report}). */
@Entity
@Table(name = "report")
public class ReportEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "unit_id")
    public String unitId;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String title;
    public String body;
    @Column(name = "external_id")
    public String externalId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "payload_hash")
    public String payloadHash;
    @Column(name = "declared_category")
    public String declaredCategory;
    public Double latitude;
    public Double longitude;
    public Integer deaths;
    public Integer injured;
    public String status;
    public String category;
    public String severity;
    public Double confidence;
    @Column(name = "needs_review")
    public Boolean needsReview;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "classification_version")
    public Integer classificationVersion;
    @Column(name = "classified_at")
    public Instant classifiedAt;
    @Column(name = "incident_id")
    public UUID incidentId;
}
