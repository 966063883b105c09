package org.sitrep.risk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Classifier settings ({@code sitrep.classifier.*}). */
@ConfigMapping(prefix = "sitrep.classifier")
public interface ClassifierConfig {

    /** Classifications whose calibrated confidence is below this are flagged {@code needsReview}. */
    @WithDefault("0.6")
    double reviewThreshold();
}
