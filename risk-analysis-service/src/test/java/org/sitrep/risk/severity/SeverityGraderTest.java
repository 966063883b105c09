package org.sitrep.risk.severity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitrep.risk.classification.Category;

/** One test per rule of the grading table. */
class SeverityGraderTest {

    final SeverityGrader grader = new SeverityGrader();

    Grade grade(String text) {
        return grader.grade(null, text, null, null).grade();
    }

    Grade grade(String text, Category category) {
        return grader.grade(null, text, null, category).grade();
    }

    @Test
    void nothingStatedIsGradeFour() {
        SeverityAssessment a = grader.grade(null, "村委会报告一起邻里纠纷，已调解。", null, null);
        assertThat(a.grade()).isEqualTo(Grade.IV);
        assertThat(a.reasons()).isNotEmpty();
    }

    @Test
    void structuredCasualtiesDecideWhenGiven() {
        assertThat(grader.grade(null, "事故造成人员伤亡。", new Casualties(12, 0), null).grade()).isEqualTo(Grade.II);
        assertThat(grader.grade(null, "事故造成人员伤亡。", new Casualties(0, 120), null).grade()).isEqualTo(Grade.I);
        assertThat(grader.grade(null, "事故造成人员伤亡。", new Casualties(1, 2), null).reasons())
                .anyMatch(r -> r.contains("structured"));
    }

    @Test
    void chineseDeathsWithDigitsAndNumerals() {
        assertThat(grade("事故造成3人死亡。")).isEqualTo(Grade.III);
        assertThat(grade("爆炸事故死亡三人。")).isEqualTo(Grade.III);
        assertThat(grade("矿难已致十二名矿工遇难。")).isEqualTo(Grade.II);
        assertThat(grade("死亡人数达31人。")).isEqualTo(Grade.I);
        assertThat(grade("2名员工因吸入浓烟经抢救无效死亡。")).isEqualTo(Grade.IV);
    }

    @Test
    void chineseDeathsAndInjuredShortForm() {
        assertThat(grade("国道发生车祸，3死5伤。")).isEqualTo(Grade.III);
        assertThat(grade("一死两伤。")).isEqualTo(Grade.IV);
    }

    @Test
    void chineseInjured() {
        assertThat(grade("楼梯踩踏致12人受伤。")).isEqualTo(Grade.III);
        assertThat(grade("受伤人数达56人。")).isEqualTo(Grade.II);
        assertThat(grade("客车侧翻，一百二十人不同程度受伤。")).isEqualTo(Grade.I);
    }

    @Test
    void englishDeaths() {
        assertThat(grade("The explosion killed 12 workers.")).isEqualTo(Grade.II);
        assertThat(grade("Bus crash: 3 dead.")).isEqualTo(Grade.III);
        assertThat(grade("Two people died in the fire.")).isEqualTo(Grade.IV);
        assertThat(grade("The death toll rose to 35.")).isEqualTo(Grade.I);
    }

    @Test
    void englishInjured() {
        assertThat(grade("A gas blast in the market, injuring 40.")).isEqualTo(Grade.III);
        assertThat(grade("Sixty people were injured when the stand collapsed.")).isEqualTo(Grade.II);
    }

    @Test
    void peopleInvolvedChinese() {
        assertThat(grade("150余名村民聚集在镇政府门前。")).isEqualTo(Grade.III);
        assertThat(grade("数百人聚集。")).isEqualTo(Grade.III);
        assertThat(grade("上千人聚集在广场。")).isEqualTo(Grade.II);
        assertThat(grade("近万人参与集资。")).isEqualTo(Grade.II);
        assertThat(grade("受害群众达1.2万人。")).isEqualTo(Grade.I);
    }

    @Test
    void peopleInvolvedEnglish() {
        assertThat(grade("About 300 people gathered outside the county office.")).isEqualTo(Grade.III);
        assertThat(grade("Roughly 2,000 investors signed up.")).isEqualTo(Grade.II);
    }

    @Test
    void respondersAreNotPeopleInvolved() {
        assertThat(grade("县公安局出动警力300余人维持秩序，现场20余名群众已散去。")).isEqualTo(Grade.IV);
    }

    @Test
    void evacuatedUseTheirOwnThresholds() {
        assertThat(grade("洪水来临前已转移群众3000人。")).isEqualTo(Grade.III);
        assertThat(grade("Flood: 120,000 residents evacuated.")).isEqualTo(Grade.I);
    }

    @Test
    void economicLoss() {
        assertThat(grade("火灾造成经济损失约2000万元。")).isEqualTo(Grade.III);
        assertThat(grade("直接经济损失6000万元。")).isEqualTo(Grade.II);
        assertThat(grade("经济损失1.2亿元。")).isEqualTo(Grade.I);
        assertThat(grade("Losses estimated at 15 million yuan.")).isEqualTo(Grade.III);
        assertThat(grade("被骗8.4万元。")).isEqualTo(Grade.IV);
    }

    @Test
    void wageArrearsAreNotALoss() {
        assertThat(grade("公司拖欠工资3000万元，20名工人讨薪。")).isEqualTo(Grade.IV);
    }

    @Test
    void areaWords() {
        assertThat(grade("暴雪影响全省交通。")).isEqualTo(Grade.I);
        assertThat(grade("全市范围停水。")).isEqualTo(Grade.II);
        assertThat(grade("全县多处道路中断。")).isEqualTo(Grade.III);
        assertThat(grade("Flooding hit several townships.")).isEqualTo(Grade.III);
    }

    @Test
    void massIncidentIsGradeThree() {
        assertThat(grade("因征地补偿引发群体性事件。")).isEqualTo(Grade.III);
    }

    @Test
    void recordsExposed() {
        assertThat(grade("数据库遭拖库，泄露公民个人信息120万条。", Category.CYBER_SECURITY)).isEqualTo(Grade.III);
        assertThat(grade("About 1.2 million records were exposed.", Category.CYBER_SECURITY)).isEqualTo(Grade.III);
        assertThat(grade("泄露用户数据1500万条。", Category.CYBER_SECURITY)).isEqualTo(Grade.II);
        assertThat(grade("3,000 records leaked.", Category.CYBER_SECURITY)).isEqualTo(Grade.IV);
    }

    @Test
    void criticalInfrastructureDownAcrossACityIsGradeOne() {
        assertThat(grade("电力调度系统遭网络攻击瘫痪，全市大面积停电。", Category.CYBER_SECURITY)).isEqualTo(Grade.I);
        assertThat(grade("县城供水调度监控系统遭攻击，全县停水6小时。", Category.CYBER_SECURITY)).isEqualTo(Grade.II);
    }

    @Test
    void provincialSiteDefacedIsGradeTwo() {
        assertThat(grade("省政府某厅门户网站首页被篡改。", Category.CYBER_SECURITY)).isEqualTo(Grade.II);
    }

    @Test
    void ransomwareOnAHospitalIsGradeThree() {
        assertThat(grade("The county hospital was hit by ransomware.", Category.CYBER_SECURITY)).isEqualTo(Grade.III);
    }

    @Test
    void severalSystemsDownIsGradeThree() {
        assertThat(grade("该公司多个业务系统宕机。", Category.CYBER_SECURITY)).isEqualTo(Grade.III);
    }

    @Test
    void cyberRulesDoNotApplyToNaturalDisasters() {
        assertThat(grade("暴雨导致供电中断，市区部分小区停电。", Category.PUBLIC_SAFETY)).isEqualTo(Grade.IV);
    }

    @Test
    void anActualTerroristAttackIsAtLeastGradeTwo() {
        assertThat(grade("火车站广场发生暴恐袭击，嫌疑人被当场击毙。")).isEqualTo(Grade.II);
        assertThat(grade("破获一起预谋实施暴恐袭击案件。")).isEqualTo(Grade.IV);
    }

    @Test
    void highestGradeWinsAndItsReasonsAreReturned() {
        SeverityAssessment a = grader.grade("矿难", "煤矿透水事故造成2人死亡，被困11人，直接经济损失6000万元。", null, null);
        assertThat(a.grade()).isEqualTo(Grade.II);
        assertThat(a.reasons()).anyMatch(r -> r.contains("economic loss"));
    }
}
