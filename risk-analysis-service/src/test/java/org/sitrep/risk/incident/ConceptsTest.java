package org.sitrep.risk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConceptsTest {

    static final Concepts LEXICON = Concepts.parse("""
            # a test lexicon
            fire\t火灾|起火|着火\tfire|fires|blaze|burn*
            night_market\t夜市\tnight market
            knife\t水果刀|持刀\tknife|knives
            """);

    @Test
    void chineseTermsMatchAsSubstrings() {
        assertThat(LEXICON.of("北关夜市一烧烤摊两伙人酒后发生斗殴，一名男子被水果刀刺伤"))
                .containsExactlyInAnyOrder("~c:night_market", "~c:knife");
    }

    @Test
    void englishTermsMatchWholeWordsPrefixesAndPhrases() {
        assertThat(LEXICON.of("A man was stabbed with a knife at Beiguan night-market; the stall burned."))
                .containsExactlyInAnyOrder("~c:night_market", "~c:knife", "~c:fire");
        assertThat(LEXICON.of("The firearm was found at the market at night")).isEmpty();
    }

    @Test
    void aChineseAndAnEnglishReportOfOneFireShareItsConcept() {
        assertThat(LEXICON.of("鑫源家具厂仓库起火")).containsExactly("~c:fire");
        assertThat(LEXICON.of("Warehouse fire at furniture exporter")).containsExactly("~c:fire");
    }

    @Test
    void theBundledLexiconLoadsAndIsBilingual() {
        Concepts bundled = Concepts.bundled();
        assertThat(bundled.size()).isGreaterThan(200);
        assertThat(bundled.of("仓库起火")).isNotEmpty().isEqualTo(bundled.of("a warehouse fire"));
    }
}
