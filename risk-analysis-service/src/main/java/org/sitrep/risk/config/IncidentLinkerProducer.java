package org.sitrep.risk.config;

import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;
import org.sitrep.risk.classification.Corpus;
import org.sitrep.risk.classification.LabelledReport;
import org.sitrep.risk.incident.FeatureWeights;
import org.sitrep.risk.incident.IncidentLinker;
import org.sitrep.risk.incident.LinkTraining;
import org.sitrep.risk.service.RiskAnalyzer;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class IncidentLinkerProducer {

    private static final Logger LOG = Logger.getLogger(IncidentLinkerProducer.class);

    /** Seed and span of the corpus's placement in time (docs/incident-linking.md). */
    static final long PLACEMENT_SEED = 11;
    static final int PLACEMENT_DAYS = 21;

    /**
     * Shingle weights come from the labelled corpus, so that common report phrasing does not link incidents; the link
     * model is fitted on the labelled duplicate groups and on the corpus placed at a busy office's density, with the
     * categories the classifier gives (deterministic: the same data give the same model). Fitted at start-up (about
     * 2 s on one core), not when the first report arrives.
     */
    @Produces
    @Singleton
    @Startup
    IncidentLinker incidentLinker(IncidentConfig config, RiskAnalyzer analyzer) {
        long start = System.nanoTime();
        Corpus corpus = Corpus.load();
        FeatureWeights weights = FeatureWeights.learn(corpus.reports().stream().map(LabelledReport::text).toList(),
                config.maxDocumentFrequency());
        List<LinkTraining.Report> groups = LinkTraining.labelledGroups().stream()
                .map(r -> r.withCategory(analyzer.categoryOf(r.title(), r.body()))).toList();
        List<LinkTraining.Report> placed = LinkTraining.placed(LinkTraining.distinct(corpus.reports()), PLACEMENT_SEED,
                Instant.parse("2026-03-02T00:00:00Z"), PLACEMENT_DAYS);
        IncidentLinker linker = LinkTraining.train(config.window(), config.threshold(), weights, List.of(groups, placed));
        LOG.infof("incident link model fitted on %d labelled and %d corpus reports in %d ms", groups.size(), placed.size(),
                (System.nanoTime() - start) / 1_000_000);
        return linker;
    }
}
