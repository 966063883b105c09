package org.sitrep.risk.incident;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures, days of the month and hours of the day a report states, in Chinese or English, as canonical strings
 * both languages share: 1,200 and 1200 are {@code #1200}, 12.6万 is {@code #126000}, thirty-seven and 三十七 are
 * {@code #37}; 6月13日, “6·13” and 13 June are {@code ~date:13}; 21时36分, 21:30 and 9.30 pm are {@code ~hour:21}.
 */
final class Figures {

    static final String NUMBER = "#";
    static final String DAY = "~date:";
    static final String MONTH = "~month:";
    static final String HOUR = "~hour:";
    /** The text says it follows up an earlier report (续报, 进展, update): it belongs to an incident already seen. */
    static final String FOLLOW_UP = "~follow-up";

    private static final Pattern FOLLOW_UP_WORDS = Pattern.compile(
            "续报|进展|后续|最新情况|再报|补报|follow-up|follow up|further to|latest on|update \\d|update on|second report");

    private static final Pattern ARABIC = Pattern.compile(
            "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(万|亿|million|thousand|billion)?");
    private static final Pattern CHINESE = Pattern.compile("[零〇一二两三四五六七八九十百千万]+");
    private static final Pattern ZH_DATE = Pattern.compile("(\\d{1,2})月(\\d{1,2})[日号]");
    private static final Pattern ZH_DAY = Pattern.compile("(?<![\\d月.])(\\d{1,2})[日号](?![报])");
    private static final Pattern ZH_CASE_DATE = Pattern.compile("[“\"「](\\d{1,2})[·•.](\\d{1,2})[”\"」]");
    private static final Pattern ZH_HOUR = Pattern.compile(
            "(凌晨|早上|清晨|上午|中午|下午|傍晚|晚上|晚|夜里|夜间|深夜)?([0-9]{1,2}|[零一二两三四五六七八九十]{1,3})[时点](?!间|候|钟头)");
    private static final String MONTHS = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern EN_DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS);
    private static final Pattern EN_MONTH_DAY = Pattern.compile("\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern EN_CLOCK = Pattern.compile("\\b(\\d{1,2})[:.](\\d{2})\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?![\\d])");
    private static final Pattern EN_AM_PM = Pattern.compile("\\b(\\d{1,2})\\s*(a\\.?m\\.?|p\\.?m\\.?)(?![a-z])");
    private static final Pattern EN_WORD = Pattern.compile("[a-z]+");
    private static final List<String> MONTH_NAMES = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final Map<String, Integer> EN_UNITS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("dozen", 12));
    private static final Map<String, Integer> EN_SCALES = Map.of("hundred", 100, "thousand", 1000, "million", 1_000_000);

    private Figures() {
    }

    static Set<String> of(String text) {
        Set<String> out = new TreeSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        // the patterns of a script run only on text that has it (most reports are in one language)
        boolean latin = lower.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        boolean han = lower.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        arabic(lower, out);
        if (han) {
            chinese(lower, out);
        }
        if (latin) {
            english(lower, out);
        }
        dates(lower, latin, han, out);
        hours(lower, latin, han, out);
        if (FOLLOW_UP_WORDS.matcher(lower).find()) {
            out.add(FOLLOW_UP);
        }
        return out;
    }

    private static void arabic(String text, Set<String> out) {
        Matcher m = ARABIC.matcher(text);
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2)));
            String scale = m.group(3);
            if (scale != null) {
                value = value.multiply(switch (scale) {
                    case "万" -> BigDecimal.valueOf(10_000);
                    case "亿" -> BigDecimal.valueOf(100_000_000);
                    case "thousand" -> BigDecimal.valueOf(1_000);
                    case "million" -> BigDecimal.valueOf(1_000_000);
                    default -> BigDecimal.valueOf(1_000_000_000);
                });
            }
            out.add(NUMBER + value.stripTrailingZeros().toPlainString());
        }
    }

    /** Chinese numerals with at least one digit character (so 百姓 and 千万 are not read as figures). */
    private static void chinese(String text, Set<String> out) {
        Matcher m = CHINESE.matcher(text);
        while (m.find()) {
            long value = chineseValue(m.group());
            if (value >= 0) {
                out.add(NUMBER + value);
            }
        }
    }

    /** The value of a Chinese numeral, or -1 when it is none (no digit, or a range such as 三四十). */
    static long chineseValue(String s) {
        long total = 0;
        long section = 0;
        long digit = -1;
        boolean anyDigit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '〇') {
                d = 0;
            } else if (c == '两') {
                d = 2;
            }
            if (d >= 0) {
                if (digit > 0) {
                    return -1; // 三四: a range, not a figure
                }
                digit = d;
                anyDigit = true;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> 10_000;
            };
            if (unit == 10_000) {
                total = (total + section + Math.max(digit, 0)) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? (unit == 10 ? 1 : 0) : digit) * unit;
                anyDigit |= unit == 10;
            }
            digit = -1;
        }
        if (!anyDigit) {
            return -1;
        }
        return total + section + Math.max(digit, 0);
    }

    private static void english(String text, Set<String> out) {
        Matcher m = EN_WORD.matcher(text.replace('-', ' '));
        long total = 0;
        long current = 0;
        boolean inNumber = false;
        while (m.find()) {
            String w = m.group();
            Integer unit = EN_UNITS.get(w);
            Integer scale = EN_SCALES.get(w);
            if (unit != null) {
                current += unit;
                inNumber = true;
            } else if (scale != null && inNumber) {
                if (scale == 100) {
                    current *= 100;
                } else {
                    total += current * scale;
                    current = 0;
                }
            } else if (w.equals("and") && inNumber) {
                continue;
            } else {
                if (inNumber) {
                    out.add(NUMBER + (total + current));
                }
                total = 0;
                current = 0;
                inNumber = false;
            }
        }
        if (inNumber) {
            out.add(NUMBER + (total + current));
        }
    }

    private static void dates(String text, boolean latin, boolean han, Set<String> out) {
        if (han) {
            zhDates(text, out);
        }
        if (latin) {
            enDates(text, out);
        }
    }

    private static void zhDates(String text, Set<String> out) {
        Matcher m = ZH_DATE.matcher(text);
        while (m.find()) {
            month(Integer.parseInt(m.group(1)), out);
            day(Integer.parseInt(m.group(2)), out);
        }
        m = ZH_CASE_DATE.matcher(text);
        while (m.find()) {
            month(Integer.parseInt(m.group(1)), out);
            day(Integer.parseInt(m.group(2)), out);
        }
        m = ZH_DAY.matcher(text);
        while (m.find()) {
            day(Integer.parseInt(m.group(1)), out);
        }
    }

    private static void enDates(String text, Set<String> out) {
        Matcher m = EN_DAY_MONTH.matcher(text);
        while (m.find()) {
            day(Integer.parseInt(m.group(1)), out);
            month(MONTH_NAMES.indexOf(m.group(2)) + 1, out);
        }
        m = EN_MONTH_DAY.matcher(text);
        while (m.find()) {
            month(MONTH_NAMES.indexOf(m.group(1)) + 1, out);
            day(Integer.parseInt(m.group(2)), out);
        }
    }

    private static void hours(String text, boolean latin, boolean han, Set<String> out) {
        if (han && (text.indexOf('时') >= 0 || text.indexOf('点') >= 0)) {
            zhHours(text, out);
        }
        if (latin) {
            enHours(text, out);
        }
        if (text.contains("midnight") || text.contains("午夜")) {
            hour(0, out);
        }
        if (text.contains("noon") && !text.contains("afternoon") || text.contains("正午")) {
            hour(12, out);
        }
    }

    private static void zhHours(String text, Set<String> out) {
        Matcher m = ZH_HOUR.matcher(text);
        while (m.find()) {
            String n = m.group(2);
            long h = Character.isDigit(n.charAt(0)) ? Long.parseLong(n) : chineseValue(n);
            String part = m.group(1);
            if (part != null && h < 12 && (part.equals("下午") || part.startsWith("晚") || part.startsWith("傍")
                    || part.startsWith("夜") || part.equals("深夜"))) {
                h += 12;
            }
            hour(h, out);
        }
    }

    private static void enHours(String text, Set<String> out) {
        Matcher m = EN_CLOCK.matcher(text);
        while (m.find()) {
            hour(twelveHour(Integer.parseInt(m.group(1)), m.group(3)), out);
        }
        m = EN_AM_PM.matcher(text);
        while (m.find()) {
            hour(twelveHour(Integer.parseInt(m.group(1)), m.group(2)), out);
        }
    }

    private static long twelveHour(int h, String suffix) {
        if (suffix == null) {
            return h;
        }
        boolean pm = suffix.startsWith("p");
        return pm ? (h % 12) + 12 : h % 12;
    }

    private static void day(long d, Set<String> out) {
        if (d >= 1 && d <= 31) {
            out.add(DAY + d);
        }
    }

    private static void month(long m, Set<String> out) {
        if (m >= 1 && m <= 12) {
            out.add(MONTH + m);
        }
    }

    private static void hour(long h, Set<String> out) {
        if (h >= 0 && h <= 24) {
            out.add(HOUR + (h % 24));
        }
    }
}
