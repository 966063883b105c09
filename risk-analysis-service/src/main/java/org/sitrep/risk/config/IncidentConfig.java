package org.sitrep.risk.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Incident linking ({@code sitrep.incidents.*}). */
@ConfigMapping(prefix = "sitrep.incidents")
public interface IncidentConfig {

    /** How far apart in occurrence time two reports of one incident may lie. */
    @WithDefault("PT36H")
    Duration window();

    /** Probability from which a report joins the incident of earlier reports (docs/incident-linking.md). */
    @WithDefault("0.5")
    double threshold();

    /** Shingles found in more corpus reports than this weigh nothing (the vocabulary of a kind of incident). */
    @WithDefault("8")
    int maxDocumentFrequency();
}
