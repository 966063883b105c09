package org.sitrep.risk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitrep.regions.RegionCatalogue;

class CountiesTest {

    final Counties counties = new Counties(RegionCatalogue.bundled());

    @Test
    void aCityOfficeNamingACountyInEitherLanguageNamesItsCode() {
        assertThat(counties.of("市应急管理局派工作组赴镇安指导救援")).containsExactly("~county:611025");
        assertThat(counties.of("紫阳县人民政府门户网站首页被篡改")).containsExactly("~county:610924");
        assertThat(counties.of("Bomb threat letter at Zhen'an county government")).containsExactly("~county:611025");
        assertThat(counties.of("the Ziyang county government website was defaced")).containsExactly("~county:610924");
        assertThat(counties.of("城固、洋县两地警方联动设卡")).containsExactlyInAnyOrder("~county:610722", "~county:610723");
    }

    @Test
    void aTwoCharacterCountyIsNamedInFullOrWithCountyInEnglish() {
        assertThat(counties.of("勉县武侯镇白庙村后山起火")).containsExactly("~county:610725");
        assertThat(counties.of("a forest fire in Wuhou town, Mian County")).containsExactly("~county:610725");
        assertThat(counties.of("the Mian river")).isEmpty();
        assertThat(counties.of("the yang family")).isEmpty();
    }

    @Test
    void wordsThatMerelyContainAShortNameAreNotMentions() {
        // 乡镇安全 and 镇安置点 hold 镇安 inside common words; 平利县长安镇 is a town named 长安, not 长安区
        assertThat(counties.of("全县乡镇安全生产大检查")).isEmpty();
        assertThat(counties.of("棕溪镇安置社区二期项目")).isEmpty();
        assertThat(counties.of("平利县长安镇路段客车相撞")).containsExactly("~county:610926");
        assertThat(counties.of("长安区政务服务网")).containsExactly("~county:610116");
        assertThat(counties.of("traffic on Chang'an Avenue")).isEmpty();
        assertThat(counties.of("Chang'an District online service hall")).containsExactly("~county:610116");
    }

    @Test
    void regionSpellingsAreKnown() {
        assertThat(counties.isRegionSpelling("ankang")).isTrue();
        assertThat(counties.isRegionSpelling("ziyang")).isTrue();
        assertThat(counties.isRegionSpelling("dinghua")).isFalse();
    }

    @Test
    void aFingerprintKnowsTheCountiesItsTextNames() {
        TextFingerprint a = TextFingerprint.of("市局已派技术人员赴镇安协助，搜排未发现爆炸物。");
        TextFingerprint b = TextFingerprint.of("Zhen'an county government evacuated its main office building.");
        assertThat(a.namesCounty("611025")).isTrue();
        assertThat(a.namesCounty("611002")).isFalse();
        assertThat(a.nameACountyWith(b, "6110")).isTrue();
        assertThat(a.nameACountyWith(TextFingerprint.of("县政府办公楼临时疏散"), "6110")).isFalse();
    }
}
