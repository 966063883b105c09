package org.sitrep.risk.severity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "一, 1", "两, 2", "九, 9", "十, 10", "十二, 12", "二十, 20", "二十三, 23", "九十九, 99", "一百, 100",
            "两百, 200", "一百二十, 120", "一百零五, 105", "三千, 3000", "三千五百, 3500", "五万, 50000",
            "一千二百万, 12000000", "一亿, 100000000", "百, 100", "千, 1000", "万, 10000"})
    void chineseNumerals(String text, long value) {
        assertThat(Quantities.chineseNumeral(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "3, 3", "'1,200', 1200", "120万, 1200000", "1.2亿, 120000000", "2000万, 20000000", "数百, 200",
            "上百, 100", "上千, 1000", "数千, 2000", "近万, 9000", "上万, 10000", "几十, 20", "百余, 100", "30余, 30",
            "1300余万, 13000000", "三十余, 30"})
    void chineseQuantities(String text, double value) {
        assertThat(Quantities.parseChinese(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "12, 12", "'1,500', 1500", "three, 3", "twenty-one, 21", "about 300, 300", "1.2 million, 1200000",
            "hundreds, 200", "thousands, 2000", "a dozen, 12", "tens of thousands, 20000", "2.5 billion, 2500000000"})
    void englishQuantities(String text, double value) {
        assertThat(Quantities.parseEnglish(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"起, -1", "abc, -1"})
    void nonNumbersAreRejected(String text, long value) {
        assertThat(Quantities.chineseNumeral(text)).isEqualTo(value);
    }
}
