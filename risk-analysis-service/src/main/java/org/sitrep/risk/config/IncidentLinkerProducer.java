package org.sitrep.risk.config;

import org.sitrep.risk.classification.Corpus;
import org.sitrep.risk.classification.LabelledReport;
import org.sitrep.risk.incident.FeatureWeights;
import org.sitrep.risk.incident.IncidentLinker;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class IncidentLinkerProducer {

    /** Shingle weights come from the labelled corpus, so that common report phrasing does not link incidents. */
    @Produces
    @Singleton
    IncidentLinker incidentLinker(IncidentConfig config) {
        FeatureWeights weights = FeatureWeights.learn(Corpus.load().reports().stream().map(LabelledReport::text).toList(),
                config.maxDocumentFrequency());
        return new IncidentLinker(config.window(), config.threshold(), config.crossLanguageThreshold(), weights);
    }
}
