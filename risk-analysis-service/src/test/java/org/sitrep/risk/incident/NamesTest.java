package org.sitrep.risk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aChineseAndAnEnglishNameOfOnePlaceGiveOneKey() {
        assertThat(Names.of("梁坪镇石堰村120余名村民聚集")).contains("~name:shiyan", "~name:liangping");
        assertThat(Names.of("More than a hundred villagers from Shiyan village, Liangping town"))
                .contains("~name:shiyan", "~name:liangping");
        assertThat(Names.of("金鼎矿业有限公司铁矿井下冒顶")).contains("~name:jinding");
        assertThat(Names.of("a roof fall at the Jinding Mining iron mine")).contains("~name:jinding");
    }

    @Test
    void aCapitalisedWordSpeltInPinyinIsANameUnlessItIsEnglishOrARegion() {
        assertThat(Names.of("Around 90 machinists at Dinghua Apparel refused to start work"))
                .contains("~name:dinghua");
        assertThat(Names.of("a van tried to cross the Shagou low-water bridge")).contains("~name:shagou");
        // English words spelt with pinyin letters, a month, and the name of a county are not names of the incident
        assertThat(Names.of("officers of the Traffic Police came on 3 June with China Mobile staff to the Ziyang site"))
                .isEmpty();
        // a capitalised word at the start of a sentence may be any English word
        assertThat(Names.of("Dinghua. Gate closed.")).isEmpty();
        assertThat(Names.syllables("dinghua")).isEqualTo(2);
        assertThat(Names.syllables("apparel")).isZero();
    }

    @Test
    void genericStemsAreNotNames() {
        assertThat(Names.of("某公司一名员工在该小区被盗")).isEmpty();
        assertThat(Names.of("The local village and the county road were closed")).isEmpty();
    }

    @Test
    void namesMarkTheirFeatures() {
        int f = TextFingerprint.feature("~name:shiyan");
        assertThat(f & TextFingerprint.NAME_BIT).isNotZero();
        assertThat(f & 3).isEqualTo(TextFingerprint.CONCEPT);
        assertThat(TextFingerprint.feature("~c:fire") & TextFingerprint.NAME_BIT).isZero();
    }
}
