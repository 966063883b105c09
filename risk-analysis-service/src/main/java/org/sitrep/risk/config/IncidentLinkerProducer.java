package org.sitrep.risk.config;

import org.jboss.logging.Logger;
import org.sitrep.risk.classification.Corpus;
import org.sitrep.risk.incident.IncidentLinker;
import org.sitrep.risk.incident.LinkTraining;
import org.sitrep.risk.service.RiskAnalyzer;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class IncidentLinkerProducer {

    private static final Logger LOG = Logger.getLogger(IncidentLinkerProducer.class);

    /**
     * Shingle weights come from the labelled corpus, so that common report phrasing does not link incidents; the link
     * model is fitted on the labelled duplicate groups and on the corpus placed at a busy office's density, with the
     * categories the classifier gives (deterministic: the same data give the same model). Fitted at start-up (about
     * 3 s), not when the first report arrives.
     */
    @Produces
    @Singleton
    @Startup
    IncidentLinker incidentLinker(IncidentConfig config, RiskAnalyzer analyzer) {
        long start = System.nanoTime();
        IncidentLinker linker = LinkTraining.forService(Corpus.load().reports(), config.window(), config.threshold(),
                config.maxDocumentFrequency(), analyzer::categoryOf);
        LOG.infof("incident link model fitted in %d ms", (System.nanoTime() - start) / 1_000_000);
        return linker;
    }
}
