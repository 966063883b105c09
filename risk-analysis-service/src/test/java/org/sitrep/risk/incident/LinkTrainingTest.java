package org.sitrep.risk.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LinkTrainingTest {

    @Test
    void placingAReportMovesTheDatesItStates() {
        LocalDate day = LocalDate.of(2026, 3, 9);
        assertThat(LinkTraining.retime("6月13日23时50分，北关夜市“6·13”伤人案，18日续报", day))
                .isEqualTo("3月9日23时50分，北关夜市“3·9”伤人案，14日续报");
        assertThat(LinkTraining.retime("shortly before midnight on 13 June; by June 14th", day))
                .isEqualTo("shortly before midnight on 9 March; by March 10");
        assertThat(LinkTraining.retime("日报：无日期", day)).isEqualTo("日报：无日期");
        // a date before the first keeps its distance, across the month's end; a day without its month is read nearest
        assertThat(LinkTraining.retime("11月9日发现，攻击者于11月7日登录，30日起异常", day))
                .isEqualTo("3月9日发现，攻击者于3月7日登录，27日起异常");
        assertThat(LinkTraining.retime("30日晚报警，2日抓获", day)).isEqualTo("9日晚报警，12日抓获");
    }

    @Test
    void theLabelledGroupsLoadInOrderOfOccurrence() {
        var groups = LinkTraining.labelledGroups();
        assertThat(groups).hasSizeGreaterThan(200);
        for (int i = 1; i < groups.size(); i++) {
            assertThat(groups.get(i).occurredAt()).isAfterOrEqualTo(groups.get(i - 1).occurredAt());
        }
        assertThat(groups.stream().map(LinkTraining.Report::group).distinct().count()).isLessThan(groups.size());
    }
}
