package org.sitrep.risk.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A report's stored classification (one row per report; version 1 on first classification). */
@Entity
@Table(name = "report_classification")
public class ReportClassificationEntity {

    @Id
    @Column(name = "report_id")
    public UUID reportId;
    public int version;
    @Column(name = "unit_id", nullable = false)
    public String unitId;
    @Column(name = "region_code", nullable = false, length = 6)
    public String regionCode;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    public String title;
    public String summary;
    @Column(nullable = false, length = 32)
    public String category;
    public double confidence;
    /** JSON object category → probability. */
    @Column(nullable = false)
    public String scores;
    @Column(nullable = false, length = 3)
    public String severity;
    /** JSON array. */
    @Column(name = "severity_reasons", nullable = false)
    public String severityReasons;
    /** JSON array. */
    @Column(nullable = false)
    public String evidence;
    @Column(name = "needs_review")
    public boolean needsReview;
    @Column(name = "model_version", nullable = false)
    public String modelVersion;
    @Column(name = "taxonomy_version", nullable = false)
    public String taxonomyVersion;
    @Column(name = "incident_id")
    public UUID incidentId;
    public Integer deaths;
    public Integer injured;
    @Column(name = "classified_at", nullable = false)
    public Instant classifiedAt;
    /** The full report text, kept to re-classify history and link incidents. */
    public String body;
    /** Hashed shingles of title and body (incident linking). */
    public byte[] fingerprint;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
