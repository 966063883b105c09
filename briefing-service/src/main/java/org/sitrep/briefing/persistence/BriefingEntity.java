package org.sitrep.briefing.persistence;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A generated briefing: its period and the JSON content whose SHA-256 is {@link #contentHash}. */
@Entity
@Table(name = "briefing")
public class BriefingEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    @Column(name = "period_from")
    public Instant periodFrom;

    @Column(name = "period_to")
    public Instant periodTo;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "generated_at")
    public Instant generatedAt;

    @Column(name = "report_count")
    public int reportCount;

    /** Null for briefings generated before incidents were counted. */
    @Column(name = "incident_count")
    public Integer incidentCount;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(columnDefinition = "text")
    public String content;
}
