package org.sitrep.risk.severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sitrep.risk.classification.Category;

/**
 * Grades a report I–IV by the national four-grade table: each criterion (deaths, injured, people involved or
 * evacuated, economic loss, area and scale words, records exposed, cyber impact, terrorist attack) that the report
 * states gives a grade, and the highest grade wins. Figures come from the structured casualties when the unit gave
 * them, otherwise from the text, in Chinese or English. Stateless and thread-safe.
 */
public final class SeverityGrader {

    // ---- quantities ----
    private static final String CN_NUM = "[零〇一二两三四五六七八九十百千万亿]";
    /** A Chinese or digit quantity with optional approximation prefix and 余/多 suffix, as one group. */
    private static final String Q = "((?:数|几|上|近|逾|超过|超|约|达|共)?(?:\\d+(?:[.,]\\d+)*(?:余|多)?\\s*[十百千万亿]*|" + CN_NUM
            + "+)(?:余|多)?)";
    private static final String PERSON = "\\s*(?:名|人|位|具|例)";
    private static final String GAP = "[^，。；;,.、！!？?（）()\\d零〇一二两三四五六七八九十百千万]{0,14}?";
    private static final String SHORT_GAP = "[^，。；;,.、！!？?（）()\\d零〇一二两三四五六七八九十百千万]{0,8}?";
    private static final String DEATH_ZH = "(?:死亡|遇难|身亡|罹难|丧生|殒命|丧命|去世|溺亡|当场死亡)";
    private static final String INJURY_ZH = "(?:受伤|受轻伤|受重伤|轻伤|重伤|烧伤|擦伤|摔伤|砸伤|割伤|刺伤|砍伤|伤势|骨折|灼伤|中毒|送医|就医|就诊|住院|入院)";

    private static final Pattern ZH_DEATHS_AFTER = Pattern.compile(Q + PERSON + GAP + DEATH_ZH);
    private static final Pattern ZH_DEATHS_BEFORE = Pattern.compile(
            "(?:死亡|遇难|身亡|罹难)(?:人数|者|人员)?(?:已|累计|共|已达)?(?:达到|达|为|至|增至|上升至|升至)?" + Q + PERSON);
    private static final Pattern ZH_DEATHS_INJURED = Pattern.compile(Q + "\\s*死\\s*" + Q + "\\s*伤");
    private static final Pattern ZH_INJURED_AFTER = Pattern.compile(Q + PERSON + SHORT_GAP + INJURY_ZH);
    private static final Pattern ZH_INJURED_BEFORE = Pattern.compile(
            "(?:受伤|伤员|伤者|受伤人员|就诊|送医|住院|中毒)(?:人数)?(?:已|累计|共)?(?:达到|达|为|至|增至|升至)?" + Q + PERSON);
    private static final Pattern ZH_PEOPLE = Pattern.compile(Q + "\\s*(?:名|人|位|户|人次)");
    private static final Pattern ZH_MONEY = Pattern.compile(Q + "\\s*(?:元|余元|多元)");
    private static final Pattern ZH_RECORDS = Pattern.compile(Q + "\\s*(?:条|份)");

    private static final String EN_NUM = "(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:k|m|bn)?|one|two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
            + "sixty|seventy|eighty|ninety|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine))";
    private static final String EQ = "((?:(?:about|around|approximately|approx\\.?|nearly|almost|some|over|more than|at least|roughly|an estimated|estimated)\\s+)?"
            + "(?:hundreds of thousands|tens of thousands|thousands|hundreds|dozens|a dozen|" + EN_NUM
            + "(?:\\s+(?:hundred|thousand|million|billion))*))\\b";
    private static final String EN_GAP = "(?:(?!(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten)\\b)[a-z'-]+\\s+){0,3}?";
    private static final Pattern EN_DEATHS_AFTER = Pattern.compile("\\b" + EQ + "\\s+" + EN_GAP
            + "(?:killed|dead|died|deaths|fatalities|bodies|drowned|perished|lost their lives)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_DEATHS_BEFORE = Pattern.compile(
            "\\b(?:killed|killing|kills|claimed the lives of|death toll (?:of|at|to|rose to|stands at|reached|is|was|has risen to))\\s+"
                    + EQ, Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_INJURED_AFTER = Pattern.compile("\\b" + EQ + "\\s+" + EN_GAP
            + "(?:injured|hurt|wounded|injuries|seriously injured|hospitali[sz]ed)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_INJURED_BEFORE = Pattern.compile(
            "\\b(?:injuring|injured|wounding|hurting|injuries to)\\s+" + EQ, Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_PEOPLE = Pattern.compile("\\b" + EQ + "\\s+(?:[a-z-]+\\s+){0,2}?"
            + "(?:people|persons|residents|villagers|workers|protesters|petitioners|households|victims|investors|"
            + "homeowners|students|passengers|individuals|parents|families|employees|pensioners|elderly|users|"
            + "customers|demonstrators|participants|inhabitants|buyers|teachers|drivers|taxis|players|borrowers|members|"
            + "marchers|tenants|farmers|patients|pupils|children|traders|vendors|owners|depositors|shareholders|"
            + "believers|followers|men|women|migrants|retirees|veterans|relatives|protestors|gamblers|riders|guests)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_MONEY = Pattern.compile(
            "(?:(?:cny|rmb|yuan|¥)\\s*" + EQ + ")|(?:\\b" + EQ + "\\s*(?:yuan|rmb|cny)\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_RECORDS = Pattern.compile("\\b" + EQ + "\\s+(?:[a-z-]+\\s+){0,2}?"
            + "(?:records|entries|rows|accounts|files)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern ZH_RESPONDERS = Pattern.compile(
            "(?:民警|警力|警员|辅警|消防|救援|工作人员|干部|队员|医护|出动|组织|调集|派出|抽调|专班|工作组|力量|志愿者|党员|执勤|人口|常住|户籍|全县共有|全村共有|人均)");
    private static final Pattern ZH_EVACUATED = Pattern.compile("(?:转移|疏散|撤离|受灾|受影响|安置|避险|停电|停水|被困)");
    private static final Pattern EN_EVACUATED = Pattern.compile(
            "(?:evacuat|relocat|displac|affected|moved to safety|without power|without water|stranded|cut off)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_NOT_LOSS = Pattern.compile(
            "(?:工资|薪|工程款|补偿|赔偿|货款|租金|预算|投资|合同|标的|房款|首付|购房|保证金|学费|罚款|奖励|悬赏|月薪|年薪|收入|筹资|财政)");
    private static final Pattern EN_NOT_LOSS = Pattern.compile(
            "(?:wage|salar|pay|compensation|contract|budget|investment|rent|fine|reward|deposit|income)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZH_RECORD_CONTEXT = Pattern.compile("(?:数据|信息|记录|资料|档案|身份证|手机号|个人信息)");

    // ---- scale and area words ----
    private static final Pattern AREA_I = Pattern.compile("全省|[两三四五六七八九多几2-9]个(?:地)?市|多市|province-wide|provincewide|across the province|(?:two|three|four|five|several|multiple) cities", Pattern.CASE_INSENSITIVE);
    private static final Pattern AREA_II = Pattern.compile("全市|[两三四五六七八九多几2-9]个(?:区)?县|多县|city-wide|citywide|across the city|(?:two|three|four|five|several|multiple) counties", Pattern.CASE_INSENSITIVE);
    private static final Pattern AREA_III = Pattern.compile("全县|(?:[两三四五六七八九多几]|\\d+)个乡镇|多个镇|county-wide|countywide|across the county|(?:two|three|four|five|six|several|multiple|\\d+) townships", Pattern.CASE_INSENSITIVE);
    private static final Pattern MASS_INCIDENT = Pattern.compile("群体性事件|mass incident", Pattern.CASE_INSENSITIVE);

    // ---- cyber ----
    private static final Pattern CRITICAL_SYSTEM = Pattern.compile(
            "电网|供电|电力调度|供水|自来水|供气|燃气调度|政务外网|政务网|电子政务|政务云|政务服务平台|交通信号|power grid|power supply|"
                    + "electricity|water supply|water utility|waterworks|gas supply|government network|e-government|"
                    + "government cloud|traffic signal|scada|control system|telecom|core network|broadband|emergency call|工控|调度监控",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOWN = Pattern.compile(
            "瘫痪|中断|停摆|宕机|停运|无法访问|无法使用|离线|停止运行|失去|失控|锁死|失效|停水|停气|停电|down\\b|outage|offline|knocked out|paraly[sz]ed|disrupted|shut down|crippled|unavailable",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CITY_SCOPE = Pattern.compile(
            "全市|全省|多个市|多个县|[两三四五六七八九多几]个(?:地)?市|主城区|city-wide|citywide|across the city|whole city|entire city|province|(?:two|three|four|several|multiple) (?:cities|counties)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTY_SCOPE = Pattern.compile(
            "全县|县城|全区|county-wide|countywide|across the county|whole county|entire county|county seat",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CYBER_ATTACK = Pattern.compile(
            "攻击|病毒|黑客|入侵|勒索|木马|恶意|篡改|attack|hack|malware|ransomware|intrusion|breach|defac",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEFACED = Pattern.compile("篡改|挂马|黑页|defac", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROVINCIAL_SITE = Pattern.compile("省政府|省级|省人民政府|省.{1,4}厅|provincial", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANSOMWARE = Pattern.compile("勒索病毒|勒索软件|勒索|赎金|ransom", Pattern.CASE_INSENSITIVE);
    private static final Pattern PUBLIC_UNIT = Pattern.compile(
            "医院|卫生院|卫健|政府|局|委员会|中心|hospital|clinic|government|bureau|department|municipal|county office",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEVERAL_SYSTEMS = Pattern.compile(
            "(?:多个|多套|多台|数十台|全部|\\d+\\s*(?:个|套|台))(?:业务|核心|内网)?(?:系统|服务器|业务系统|终端)|"
                    + "(?:several|multiple|all|\\d+|three|four|five|six|seven|eight|nine|ten|dozens of)\\s+(?:[a-z-]+\\s+)?(?:systems|servers)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TERROR_ATTACK = Pattern.compile(
            "暴恐袭击|恐怖袭击|暴力恐怖|爆炸袭击|暴恐案|terrorist attack|terror attack|suicide bomb|bombing attack|attack by extremists",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_CARRIED_OUT = Pattern.compile(
            "未遂|预谋|策划|图谋|密谋|准备实施|扬言|企图|计划|plot|plann|foiled|prepar|intend|threaten|conspir",
            Pattern.CASE_INSENSITIVE);

    private static final class Findings {
        final List<String>[] reasons;
        Grade grade = Grade.IV;

        @SuppressWarnings("unchecked")
        Findings() {
            reasons = new List[Grade.values().length];
            for (int i = 0; i < reasons.length; i++) {
                reasons[i] = new ArrayList<>();
            }
        }

        void reach(Grade g, String reason) {
            reasons[g.ordinal()].add(reason);
            if (g.isHigherThan(grade)) {
                grade = g;
            }
        }
    }

    public SeverityAssessment grade(String title, String body, Casualties casualties, Category category) {
        String text = (title == null ? "" : title + "\n") + (body == null ? "" : body);
        Findings f = new Findings();
        List<int[]> used = new ArrayList<>();

        double deaths = -1;
        double injured = -1;
        String deathsSource = null;
        String injuredSource = null;
        // text figures
        for (Pattern p : List.of(ZH_DEATHS_AFTER, ZH_DEATHS_BEFORE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                double v = Quantities.parseChinese(m.group(1));
                used.add(new int[] {m.start(), m.end()});
                if (v > deaths) {
                    deaths = v;
                    deathsSource = m.group();
                }
            }
        }
        Matcher dj = ZH_DEATHS_INJURED.matcher(text);
        while (dj.find()) {
            double d = Quantities.parseChinese(dj.group(1));
            double j = Quantities.parseChinese(dj.group(2));
            used.add(new int[] {dj.start(), dj.end()});
            if (d > deaths) {
                deaths = d;
                deathsSource = dj.group();
            }
            if (j > injured) {
                injured = j;
                injuredSource = dj.group();
            }
        }
        for (Pattern p : List.of(ZH_INJURED_AFTER, ZH_INJURED_BEFORE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                double v = Quantities.parseChinese(m.group(1));
                used.add(new int[] {m.start(), m.end()});
                if (v > injured) {
                    injured = v;
                    injuredSource = m.group();
                }
            }
        }
        for (Pattern p : List.of(EN_DEATHS_AFTER, EN_DEATHS_BEFORE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                double v = Quantities.parseEnglish(m.group(1));
                used.add(new int[] {m.start(), m.end()});
                if (v > deaths) {
                    deaths = v;
                    deathsSource = m.group();
                }
            }
        }
        for (Pattern p : List.of(EN_INJURED_AFTER, EN_INJURED_BEFORE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                double v = Quantities.parseEnglish(m.group(1));
                used.add(new int[] {m.start(), m.end()});
                if (v > injured) {
                    injured = v;
                    injuredSource = m.group();
                }
            }
        }
        if (casualties != null && casualties.deaths() != null) {
            deaths = casualties.deaths();
            deathsSource = "structured casualties";
        }
        if (casualties != null && casualties.injured() != null) {
            injured = casualties.injured();
            injuredSource = "structured casualties";
        }
        if (deaths >= 0) {
            Grade g = deaths >= 30 ? Grade.I : deaths >= 10 ? Grade.II : deaths >= 3 ? Grade.III : Grade.IV;
            f.reach(g, String.format(Locale.ROOT, "deaths %s → %s (%s)", num(deaths), g, deathsSource));
        }
        if (injured >= 0) {
            Grade g = injured >= 100 ? Grade.I : injured >= 50 ? Grade.II : injured >= 10 ? Grade.III : Grade.IV;
            f.reach(g, String.format(Locale.ROOT, "injured %s → %s (%s)", num(injured), g, injuredSource));
        }

        people(text, used, f);
        money(text, f);
        records(text, f, category);
        area(text, f);
        cyber(text, f, category);
        terror(text, f);

        List<String> reasons = new ArrayList<>(f.reasons[f.grade.ordinal()]);
        if (reasons.isEmpty()) {
            reasons.add("no criterion above grade IV stated");
        }
        return new SeverityAssessment(f.grade, List.copyOf(reasons));
    }

    private static void people(String text, List<int[]> used, Findings f) {
        double involved = -1;
        String involvedSource = null;
        double evacuated = -1;
        String evacuatedSource = null;
        Matcher m = ZH_PEOPLE.matcher(text);
        while (m.find()) {
            if (overlaps(used, m.start(), m.end())) {
                continue;
            }
            double v = Quantities.parseChinese(m.group(1));
            if (v < 0) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - 8), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 6));
            if (ZH_RESPONDERS.matcher(before).find() || ZH_RESPONDERS.matcher(m.group()).find()) {
                continue;
            }
            if (ZH_EVACUATED.matcher(before).find() || ZH_EVACUATED.matcher(after).find()) {
                if (v > evacuated) {
                    evacuated = v;
                    evacuatedSource = context(text, m.start(), m.end());
                }
            } else if (v > involved) {
                involved = v;
                involvedSource = context(text, m.start(), m.end());
            }
        }
        m = EN_PEOPLE.matcher(text);
        while (m.find()) {
            if (overlaps(used, m.start(), m.end())) {
                continue;
            }
            double v = Quantities.parseEnglish(m.group(1));
            if (v < 0) {
                continue;
            }
            String around = text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30));
            if (EN_EVACUATED.matcher(around).find()) {
                if (v > evacuated) {
                    evacuated = v;
                    evacuatedSource = m.group();
                }
            } else if (v > involved) {
                involved = v;
                involvedSource = m.group();
            }
        }
        if (involved >= 0) {
            Grade g = involved >= 10_000 ? Grade.I : involved >= 1_000 ? Grade.II : involved >= 100 ? Grade.III : Grade.IV;
            f.reach(g, String.format(Locale.ROOT, "people involved %s → %s (%s)", num(involved), g, involvedSource));
        }
        if (evacuated >= 0) {
            Grade g = evacuated >= 100_000 ? Grade.I : evacuated >= 10_000 ? Grade.II : evacuated >= 1_000 ? Grade.III : Grade.IV;
            f.reach(g, String.format(Locale.ROOT, "people evacuated/affected %s → %s (%s)", num(evacuated), g,
                    evacuatedSource));
        }
    }

    private static void money(String text, Findings f) {
        double loss = -1;
        String source = null;
        Matcher m = ZH_MONEY.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 10), m.start());
            if (ZH_NOT_LOSS.matcher(before).find()) {
                continue;
            }
            double v = Quantities.parseChinese(m.group(1));
            if (v > loss) {
                loss = v;
                source = context(text, m.start(), m.end());
            }
        }
        m = EN_MONEY.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            if (EN_NOT_LOSS.matcher(before).find()) {
                continue;
            }
            String q = m.group(1) != null ? m.group(1) : m.group(2);
            double v = Quantities.parseEnglish(q);
            if (v > loss) {
                loss = v;
                source = m.group();
            }
        }
        if (loss >= 0) {
            Grade g = loss >= 1e8 ? Grade.I : loss >= 5e7 ? Grade.II : loss >= 1e7 ? Grade.III : Grade.IV;
            f.reach(g, String.format(Locale.ROOT, "economic loss %s CNY → %s (%s)", num(loss), g, source));
        }
    }

    private static void records(String text, Findings f, Category category) {
        double records = -1;
        String source = null;
        Matcher m = ZH_RECORDS.matcher(text);
        while (m.find()) {
            String around = text.substring(Math.max(0, m.start() - 12), Math.min(text.length(), m.end() + 8));
            if (!ZH_RECORD_CONTEXT.matcher(around).find()) {
                continue;
            }
            double v = Quantities.parseChinese(m.group(1));
            if (v > records) {
                records = v;
                source = context(text, m.start(), m.end());
            }
        }
        m = EN_RECORDS.matcher(text);
        while (m.find()) {
            double v = Quantities.parseEnglish(m.group(1));
            if (v > records) {
                records = v;
                source = m.group();
            }
        }
        if (records >= 0) {
            Grade g = records >= 1e8 ? Grade.I : records >= 1e7 ? Grade.II : records >= 1e6 ? Grade.III : Grade.IV;
            f.reach(g, String.format(Locale.ROOT, "records exposed %s → %s (%s)", num(records), g, source));
        }
    }

    private static void area(String text, Findings f) {
        Matcher m;
        if ((m = AREA_I.matcher(text)).find()) {
            f.reach(Grade.I, "area: " + m.group() + " → I");
        }
        if ((m = AREA_II.matcher(text)).find()) {
            f.reach(Grade.II, "area: " + m.group() + " → II");
        }
        if ((m = AREA_III.matcher(text)).find()) {
            f.reach(Grade.III, "area: " + m.group() + " → III");
        }
        if ((m = MASS_INCIDENT.matcher(text)).find()) {
            f.reach(Grade.III, "scale: " + m.group() + " → III");
        }
    }

    private static void cyber(String text, Findings f, Category category) {
        boolean cyber = category == Category.CYBER_SECURITY || category == Category.POLITICAL_SECURITY
                || (category == null && CYBER_ATTACK.matcher(text).find());
        if (!cyber) {
            return;
        }
        if (CRITICAL_SYSTEM.matcher(text).find() && DOWN.matcher(text).find()) {
            if (CITY_SCOPE.matcher(text).find()) {
                f.reach(Grade.I, "cyber: critical infrastructure down across a city or more → I");
            } else if (COUNTY_SCOPE.matcher(text).find()) {
                f.reach(Grade.II, "cyber: critical-infrastructure system down in a county → II");
            } else {
                f.reach(Grade.III, "cyber: critical-infrastructure system disrupted → III");
            }
        }
        if (DEFACED.matcher(text).find() && PROVINCIAL_SITE.matcher(text).find()) {
            f.reach(Grade.II, "cyber: province-level government site defaced → II");
        }
        if (RANSOMWARE.matcher(text).find() && PUBLIC_UNIT.matcher(text).find()) {
            f.reach(Grade.III, "cyber: ransomware on a hospital/government unit → III");
        }
        Matcher m = SEVERAL_SYSTEMS.matcher(text);
        if (m.find() && DOWN.matcher(text).find()) {
            f.reach(Grade.III, "cyber: several systems of one organisation down (" + m.group() + ") → III");
        }
    }

    private static void terror(String text, Findings f) {
        Matcher m = TERROR_ATTACK.matcher(text);
        while (m.find()) {
            String around = text.substring(Math.max(0, m.start() - 12), Math.min(text.length(), m.end() + 6));
            if (!NOT_CARRIED_OUT.matcher(around).find()) {
                f.reach(Grade.II, "violent terrorist attack (" + m.group() + ") → at least II");
                return;
            }
        }
    }

    private static boolean overlaps(List<int[]> used, int start, int end) {
        for (int[] u : used) {
            if (start < u[1] && end > u[0]) {
                return true;
            }
        }
        return false;
    }

    private static String context(String text, int start, int end) {
        return text.substring(Math.max(0, start - 6), Math.min(text.length(), end + 4)).replace('\n', ' ');
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
