package org.sitrep.risk.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    static final Tokenizer TOKENIZER = new Tokenizer(List.of("讨薪"));

    static List<String> keys(String text) {
        return TOKENIZER.tokens(text).stream().map(Tokenizer.Token::key).toList();
    }

    @Test
    void chineseTextIsSegmentedKeepingDomainWordsWhole() {
        List<String> keys = keys("居民遭遇杀猪盘和电信诈骗，山体滑坡掩埋道路");
        assertThat(keys).contains("w:杀猪盘", "w:电信诈骗", "w:山体滑坡");
    }

    @Test
    void chineseRunsAlsoGiveCharacterBigrams() {
        assertThat(keys("勒索病毒")).contains("w:勒索病毒", "b:勒索", "b:索病", "b:病毒");
    }

    @Test
    void chineseStopWordsAreDropped() {
        assertThat(keys("工人的工资")).doesNotContain("w:的").contains("w:工人", "w:工资");
    }

    @Test
    void englishIsLowerCasedStemmedAndStopWordsRemoved() {
        List<String> keys = keys("The Workers were KILLED and the protesters gathered");
        assertThat(keys).contains("e:worker", "e:kill", "e:protester", "e:gather")
                .doesNotContain("e:the", "e:were", "e:and");
    }

    @Test
    void englishAdjacentWordsGivePairs() {
        assertThat(keys("a data breach at the hospital")).contains("e2:data_breach");
    }

    @Test
    void pureNumbersAreNotFeatures() {
        assertThat(keys("12 people 2026")).containsExactly("e:peopl");
    }

    @Test
    void mixedTextGivesBothKindsWithSurfaceForms() {
        List<Tokenizer.Token> tokens = TOKENIZER.tokens("系统日志显示DDoS攻击来自境外IP，VPN账号被盗");
        assertThat(tokens).extracting(Tokenizer.Token::key).contains("e:ddos", "e:ip", "e:vpn", "b:攻击");
        assertThat(tokens).filteredOn(t -> t.key().equals("e:ddos")).extracting(Tokenizer.Token::surface)
                .containsOnly("DDoS");
    }

    @Test
    void fullWidthLettersAreNormalised() {
        assertThat(keys("ＤＤｏＳ攻击")).contains("e:ddos");
    }

    @Test
    void stemmerMapsInflectionsToOneStem() {
        assertThat(EnglishStemmer.stem("killed")).isEqualTo(EnglishStemmer.stem("killing")).isEqualTo("kill");
        assertThat(EnglishStemmer.stem("injuries")).isEqualTo(EnglishStemmer.stem("injury"));
        assertThat(EnglishStemmer.stem("evacuated")).isEqualTo(EnglishStemmer.stem("evacuation"));
        assertThat(EnglishStemmer.stem("stopped")).isEqualTo("stop");
        assertThat(EnglishStemmer.stem("gas")).isEqualTo("gas");
        assertThat(EnglishStemmer.stem("bus")).isEqualTo("bus");
    }
}
