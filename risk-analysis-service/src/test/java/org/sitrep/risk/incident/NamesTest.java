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
