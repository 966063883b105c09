package org.sitrep.risk.service;

import org.jboss.logging.Logger;
import org.sitrep.risk.classification.ClassifierTrainer;
import org.sitrep.risk.classification.Classification;
import org.sitrep.risk.classification.Corpus;
import org.sitrep.risk.classification.Taxonomy;
import org.sitrep.risk.classification.TextClassifier;
import org.sitrep.risk.config.ClassifierConfig;
import org.sitrep.risk.severity.Casualties;
import org.sitrep.risk.severity.SeverityAssessment;
import org.sitrep.risk.severity.SeverityGrader;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Classifies and grades reports. The classifier is trained once at start-up from the bundled labelled corpus
 * (deterministic: the same corpus gives the same model and the same model version).
 */
@Startup
@ApplicationScoped
public class RiskAnalyzer {

    private static final Logger LOG = Logger.getLogger(RiskAnalyzer.class);

    private final ClassifierConfig config;
    private final MeterRegistry registry;
    private final SeverityGrader grader = new SeverityGrader();
    private Taxonomy taxonomy;
    private TextClassifier classifier;
    private Timer timer;

    public RiskAnalyzer(ClassifierConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @PostConstruct
    void train() {
        long start = System.nanoTime();
        taxonomy = Taxonomy.bundled();
        Corpus corpus = Corpus.load();
        ClassifierTrainer.Result result = new ClassifierTrainer(taxonomy).train(corpus.reports(), corpus.hash(),
                config.reviewThreshold());
        classifier = result.classifier();
        timer = Timer.builder("sitrep.classifier.duration").description("Time to classify and grade one report")
                .register(registry);
        LOG.infof("classifier %s trained on %d reports (%s) in %d ms: vocabulary %d, temperature %.3f, out-of-fold accuracy %.3f",
                classifier.modelVersion(), corpus.size(), corpus.files(), (System.nanoTime() - start) / 1_000_000,
                result.report().vocabulary(), result.report().temperature(), result.report().outOfFoldAccuracy());
    }

    public Analysis analyze(String title, String body, Casualties casualties) {
        return timer.record(() -> {
            Classification c = classifier.classify(title, body);
            SeverityAssessment s = grader.grade(title, body, casualties, c.category());
            registry.counter("sitrep.classifications", "category", c.category().name()).increment();
            return new Analysis(c, s);
        });
    }

    /** The category alone, without grading or metrics (for training the incident linker). */
    public String categoryOf(String title, String body) {
        return classifier.classify(title, body).category().name();
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String modelVersion() {
        return classifier.modelVersion();
    }
}
