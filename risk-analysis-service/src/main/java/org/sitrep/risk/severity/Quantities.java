package org.sitrep.risk.severity;

import java.util.Locale;
import java.util.Map;

/**
 * Reads quantities as reports write them: Arabic digits with separators and decimals ({@code 1,200}, {@code 1.2}),
 * Chinese numerals ({@code 三}, {@code 十二}, {@code 二十三}, {@code 一百二十}, {@code 两百}, {@code 三千五百},
 * {@code 五万}) and both combined with 百/千/万/亿 ({@code 120万}, {@code 1.2亿}); approximations are read as a
 * representative value: 数百 → 200, 几十 → 20, 上千 → 1000, 近万 → 9000, 百余 → 100. English: digits, number
 * words one … ninety-nine, "a dozen", "hundreds of", and million/billion/thousand multipliers.
 */
public final class Quantities {

    private static final Map<String, Integer> ENGLISH = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("a", 1), Map.entry("an", 1), Map.entry("single", 1));

    private Quantities() {
    }

    /** The value of a Chinese or mixed quantity, or -1 when it is not one. */
    public static double parseChinese(String text) {
        String s = text.strip();
        double factor = 1;
        if (s.startsWith("超过")) {
            s = s.substring(2);
        } else if (!s.isEmpty() && "数几".indexOf(s.charAt(0)) >= 0) {
            factor = 2;
            s = s.substring(1);
        } else if (!s.isEmpty() && s.charAt(0) == '近') {
            factor = 0.9;
            s = s.substring(1);
        } else if (!s.isEmpty() && "上逾超约达共".indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1);
        }
        while (!s.isEmpty() && "余多".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.replace("余", "").replace("多", "").replace(" ", "");
        if (s.isEmpty()) {
            return -1;
        }
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
        }
        if (i > 0) {
            double base;
            try {
                base = Double.parseDouble(s.substring(0, i).replace(",", ""));
            } catch (NumberFormatException e) {
                return -1;
            }
            for (int k = i; k < s.length(); k++) {
                double unit = unit(s.charAt(k));
                if (unit < 0) {
                    return -1;
                }
                base *= unit;
            }
            return base * factor;
        }
        long v = chineseNumeral(s);
        return v < 0 ? -1 : v * factor;
    }

    private static double unit(char c) {
        return switch (c) {
            case '十' -> 10;
            case '百' -> 100;
            case '千' -> 1000;
            case '万' -> 10_000;
            case '亿' -> 100_000_000;
            case ' ' -> 1;
            default -> -1;
        };
    }

    /** Chinese numerals: 三, 十二, 二十三, 一百二十, 两百, 三千五百, 五万, 一千二百万, 一亿; -1 when invalid. */
    public static long chineseNumeral(String s) {
        long total = 0;
        long section = 0;
        long number = 0;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                number = d;
                any = true;
                continue;
            }
            switch (c) {
                case '十' -> {
                    section += (number == 0 ? 1 : number) * 10;
                    number = 0;
                }
                case '百' -> {
                    section += (number == 0 ? 1 : number) * 100;
                    number = 0;
                }
                case '千' -> {
                    section += (number == 0 ? 1 : number) * 1000;
                    number = 0;
                }
                case '万' -> {
                    long part = section + number;
                    total = (total + (part == 0 && total == 0 ? 1 : part)) * 10_000;
                    section = 0;
                    number = 0;
                }
                case '亿' -> {
                    long part = total + section + number;
                    total = (part == 0 ? 1 : part) * 100_000_000L;
                    section = 0;
                    number = 0;
                }
                default -> {
                    return -1;
                }
            }
            any = true;
        }
        return any ? total + section + number : -1;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** The value of an English quantity ("12", "1.2 million", "twenty-three", "hundreds of", "about 300"). */
    public static double parseEnglish(String text) {
        String s = text.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
        s = s.replaceFirst("^(about|around|approximately|approx\\.?|nearly|almost|some|over|more than|at least|roughly|up to|an estimated|estimated) ", "");
        if (s.startsWith("hundreds of thousands")) {
            return 200_000;
        }
        if (s.startsWith("tens of thousands")) {
            return 20_000;
        }
        if (s.startsWith("thousands")) {
            return 2_000;
        }
        if (s.startsWith("hundreds")) {
            return 200;
        }
        if (s.startsWith("dozens")) {
            return 24;
        }
        if (s.startsWith("a dozen")) {
            return 12;
        }
        String[] parts = s.split(" ");
        double base;
        String first = parts[0];
        if (!first.isEmpty() && Character.isDigit(first.charAt(0))) {
            String num = first.replace(",", "");
            double mult = 1;
            if (num.endsWith("k")) {
                mult = 1000;
                num = num.substring(0, num.length() - 1);
            } else if (num.endsWith("bn")) {
                mult = 1e9;
                num = num.substring(0, num.length() - 2);
            } else if (num.endsWith("m")) {
                mult = 1e6;
                num = num.substring(0, num.length() - 1);
            }
            try {
                base = Double.parseDouble(num) * mult;
            } catch (NumberFormatException e) {
                return -1;
            }
        } else {
            base = englishWords(first);
            if (base < 0) {
                return -1;
            }
        }
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "hundred" -> base *= 100;
                case "thousand" -> base *= 1000;
                case "million", "mln" -> base *= 1e6;
                case "billion", "bn" -> base *= 1e9;
                default -> {
                }
            }
        }
        return base;
    }

    private static double englishWords(String w) {
        Integer v = ENGLISH.get(w);
        if (v != null) {
            return v;
        }
        int dash = w.indexOf('-');
        if (dash > 0) {
            Integer tens = ENGLISH.get(w.substring(0, dash));
            Integer ones = ENGLISH.get(w.substring(dash + 1));
            if (tens != null && ones != null) {
                return tens + ones;
            }
        }
        return -1;
    }
}
