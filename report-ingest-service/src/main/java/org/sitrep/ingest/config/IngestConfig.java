package org.sitrep.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of what report-ingest-service accepts ({@code sitrep.ingest.*}). */
@ConfigMapping(prefix = "sitrep.ingest")
public interface IngestConfig {

    /** Largest request body of a single report submission, in bytes. */
    @WithDefault("262144")
    int maxReportBytes();

    /** Largest request body of a batch submission, in bytes. */
    @WithDefault("16777216")
    int maxBatchBytes();

    /** Most reports in one batch. */
    @WithDefault("1000")
    int maxBatchItems();

    /** Deepest JSON nesting accepted; the report shape needs 3. */
    @WithDefault("16")
    int maxNestingDepth();

    /** How far in the future occurredAt may lie (clock skew of the unit's systems). */
    @WithDefault("PT10M")
    Duration futureTolerance();

    /** Largest page of GET /api/v1/reports. */
    @WithDefault("200")
    int maxPageSize();
}
