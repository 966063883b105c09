package org.sitrep.risk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void arabicFiguresAreReadWithSeparatorsAndChineseOrEnglishScales() {
        assertThat(Figures.of("过火面积约1,200平方米")).contains("#1200");
        assertThat(Figures.of("About 1,200 m² burned")).contains("#1200");
        assertThat(Figures.of("止付成功12.6万元")).contains("#126000");
        assertThat(Figures.of("a dump of 2.3 million rows")).contains("#2300000");
    }

    @Test
    void chineseNumeralsAreReadButRangesAndBareUnitsAreNot() {
        assertThat(Figures.chineseValue("三十七")).isEqualTo(37);
        assertThat(Figures.chineseValue("十二")).isEqualTo(12);
        assertThat(Figures.chineseValue("一百二十")).isEqualTo(120);
        assertThat(Figures.chineseValue("两万")).isEqualTo(20_000);
        assertThat(Figures.chineseValue("三四十")).isEqualTo(-1);
        assertThat(Figures.chineseValue("百")).isEqualTo(-1);
        assertThat(Figures.of("老百姓千万注意")).noneMatch(f -> f.startsWith(Figures.NUMBER));
    }

    @Test
    void englishNumberWordsMeetTheirChineseFigures() {
        assertThat(Figures.of("Thirty-seven workers went to hospital")).contains("#37");
        assertThat(Figures.of("共37人到区人民医院就诊")).contains("#37");
        assertThat(Figures.of("two hundred and five households")).contains("#205");
        assertThat(Figures.of("four men were held")).contains("#4");
    }

    @Test
    void statedDaysAreTheSameInBothLanguages() {
        assertThat(Figures.of("6月13日23时50分，北关夜市")).contains("~date:13", "~month:6");
        assertThat(Figures.of("北关夜市“6·13”伤人案")).contains("~date:13", "~month:6");
        assertThat(Figures.of("shortly before midnight on 13 June")).contains("~date:13", "~month:6");
        assertThat(Figures.of("on June 13th at the market")).contains("~date:13", "~month:6");
        assertThat(Figures.of("18日21时36分接警")).contains("~date:18");
        assertThat(Figures.of("续报：日报")).noneMatch(f -> f.startsWith(Figures.DAY));
    }

    @Test
    void statedHoursAreOnOneClock() {
        assertThat(Figures.of("18日21时36分接警")).contains("~hour:21");
        assertThat(Figures.of("昨晚九点半前后")).contains("~hour:21");
        assertThat(Figures.of("下午3点")).contains("~hour:15");
        assertThat(Figures.of("Fire broke out at about 21:30")).contains("~hour:21");
        assertThat(Figures.of("at 9 pm")).contains("~hour:21");
        assertThat(Figures.of("shortly before midnight")).contains("~hour:0");
        assertThat(Figures.of("三个小时")).noneMatch(f -> f.startsWith(Figures.HOUR));
    }
}
