package org.sitrep.risk.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classifier trained on the whole bundled corpus, on clear cases written for this test. */
class TextClassifierTest {

    static Corpus corpus;
    static ClassifierTrainer.Result result;
    static TextClassifier classifier;

    @BeforeAll
    static void train() {
        corpus = Corpus.load();
        result = new ClassifierTrainer(Taxonomy.bundled()).train(corpus.reports(), corpus.hash(), 0.6);
        classifier = result.classifier();
    }

    @Test
    void chineseClearCases() {
        assertThat(classifier.classify(null, "某县发现有人张贴宣扬宗教极端思想的传单，煽动暴力对抗政府，国安部门已介入调查。").category())
                .isEqualTo(Category.POLITICAL_SECURITY);
        assertThat(classifier.classify("刷单返利诈骗", "一名女子在网上做刷单兼职，被骗走8万元，派出所已立案。").category())
                .isEqualTo(Category.PUBLIC_ORDER);
        assertThat(classifier.classify(null, "60余名农民工聚集在工地门口讨要被拖欠的工资，情绪激动，劳动监察部门正在协调。").category())
                .isEqualTo(Category.SOCIAL_CONFLICT);
        assertThat(classifier.classify(null, "受强降雨影响，某镇发生泥石流，冲毁道路两处，已转移群众200余人。").category())
                .isEqualTo(Category.PUBLIC_SAFETY);
        assertThat(classifier.classify(null, "县政府门户网站遭黑客入侵，首页被篡改，服务器中发现木马程序。").category())
                .isEqualTo(Category.CYBER_SECURITY);
    }

    @Test
    void englishClearCases() {
        assertThat(classifier.classify(null, "Two men were detained for selling methamphetamine near the bus station; police seized 300 grams of drugs.").category())
                .isEqualTo(Category.PUBLIC_ORDER);
        assertThat(classifier.classify(null, "A truck collided with a minibus on the expressway, three passengers were injured in the crash.").category())
                .isEqualTo(Category.PUBLIC_SAFETY);
        assertThat(classifier.classify(null, "The water company's servers were hit by ransomware and the billing database was encrypted.").category())
                .isEqualTo(Category.CYBER_SECURITY);
        assertThat(classifier.classify(null, "About 80 homeowners blocked the developer's office demanding delivery of flats promised two years ago.").category())
                .isEqualTo(Category.SOCIAL_CONFLICT);
    }

    @Test
    void scoresCoverTheFiveCategoriesAndSumToOne() {
        Classification c = classifier.classify("标题", "工厂车间发生火灾，2名工人轻微烧伤。");
        assertThat(c.scores()).hasSize(5);
        assertThat(c.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(c.confidence()).isEqualTo(c.scores().get(c.category()));
        assertThat(c.needsReview()).isEqualTo(c.confidence() < 0.6);
    }

    @Test
    void needsReviewFollowsTheConfiguredThreshold() {
        List<LabelledReport> some = corpus.reports().subList(0, 150);
        ClassifierTrainer trainer = new ClassifierTrainer(Taxonomy.bundled());
        TextClassifier strict = trainer.train(some, "t", 1.01).classifier();
        TextClassifier lax = trainer.train(some, "t", 0.0).classifier();
        String text = "某镇发生山体滑坡，冲毁道路，转移群众40人。";
        assertThat(strict.classify(null, text).needsReview()).isTrue();
        assertThat(lax.classify(null, text).needsReview()).isFalse();
        assertThat(strict.classify(null, text).confidence()).isEqualTo(lax.classify(null, text).confidence());
    }

    @Test
    void evidenceNamesTermsAsWritten() {
        Classification c = classifier.classify(null, "Hackers launched a DDoS attack against the county government portal.");
        assertThat(c.category()).isEqualTo(Category.CYBER_SECURITY);
        assertThat(c.evidence()).isNotEmpty().allSatisfy(e -> assertThat("Hackers launched a DDoS attack against the county government portal.").contains(e));
    }

    @Test
    void chineseAndMixedEvidenceIsTakenFromTheText() {
        String text = "县医院HIS系统遭勒索病毒加密，门诊改为手工挂号，技术人员正在恢复服务器。";
        Classification c = classifier.classify(null, text);
        assertThat(c.category()).isEqualTo(Category.CYBER_SECURITY);
        assertThat(c.evidence()).isNotEmpty().allSatisfy(e -> assertThat(text).contains(e));
    }

    @Test
    void modelVersionCarriesTheAlgorithmAndCorpusHash() {
        assertThat(classifier.modelVersion()).isEqualTo(TextClassifier.ALGORITHM + "+" + corpus.hash());
        assertThat(classifier.taxonomyVersion()).isEqualTo("2026.1");
    }

    @Test
    void trainingIsDeterministic() {
        TextClassifier again = new ClassifierTrainer(Taxonomy.bundled()).train(corpus.reports(), corpus.hash(), 0.6)
                .classifier();
        String text = "某小区业主因物业费上涨与物业公司发生纠纷，数十人聚集。";
        assertThat(again.classify(null, text).scores()).isEqualTo(classifier.classify(null, text).scores());
        assertThat(again.temperature()).isEqualTo(classifier.temperature());
    }

    @Test
    void calibrationLowersOutOfFoldLogLossAndGivesASaneTemperature() {
        assertThat(result.report().temperature()).isBetween(TemperatureScaling.MIN, TemperatureScaling.MAX);
        assertThat(result.report().nllAfter()).isLessThanOrEqualTo(result.report().nllBefore() + 1e-9);
        assertThat(result.report().outOfFoldAccuracy()).isGreaterThan(0.7);
    }

    @Test
    void temperatureScalingFitsOverconfidentLogitsWithTGreaterThanOne() {
        // logits say 99 % but only 60 % are right: the fitted temperature must soften them
        List<double[]> logits = new ArrayList<>();
        int n = 100;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            logits.add(new double[] {5, 0, 0, 0, 0});
            labels[i] = i < 60 ? 0 : 1;
        }
        double t = TemperatureScaling.fit(logits, labels);
        assertThat(t).isGreaterThan(1.5);
        double p = TemperatureScaling.probabilities(logits.get(0), t)[0];
        assertThat(p).isCloseTo(0.6, within(0.02));
    }

    @Test
    void corpusLinesThatCannotBeReadAreSkipped() {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("zh-99.jsonl", "{\"id\":\"a\",\"category\":\"PUBLIC_SAFETY\",\"body\":\"火灾\"}\n{broken\n"
                + "{\"id\":\"b\",\"category\":\"NOT_A_CATEGORY\",\"body\":\"x\"}\n{\"id\":\"a\",\"category\":\"PUBLIC_SAFETY\",\"body\":\"dup\"}\n");
        Corpus c = Corpus.parse(files);
        assertThat(c.reports()).extracting(LabelledReport::id).containsExactly("a");
    }

    @Test
    void corpusIsFoundOnTheClasspath() {
        assertThat(corpus.size()).isGreaterThan(100);
        assertThat(corpus.files()).allMatch(f -> f.endsWith(".jsonl"));
    }
}
