package org.sitrep.risk.incident;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

/**
 * Names of places and organisations, keyed by their pinyin so that both languages give the same key: 石堰村 and
 * "Shiyan village" are {@code ~name:shiyan}, 金鼎矿业 and "Jinding Mining" are {@code ~name:jinding}. A name is the two
 * or three characters before a word that says what kind of place it is (村, 镇, 路, 小区, 公司, 矿业 …), or the
 * capitalised word before its English counterpart, or a capitalised word inside a sentence spelt in pinyin that is not
 * an English word nor the name of a region ("Dinghua Apparel", "the Shagou bridge"). Generic stems (某, 该, 我, 这个)
 * are left out.
 */
final class Names {

    static final String PREFIX = "~name:";

    private static final String ZH_KINDS = "村|镇|乡|街道|社区|小区|花园|华府|华庭|苑|家园|路|街|大道|巷|桥|隧道|高速|公司|集团|矿业|"
            + "煤矿|铁矿|矿|厂|医院|学校|小学|中学|幼儿园|市场|夜市|广场|酒店|宾馆|养生馆|工业园|园区|景区|湾|垭|坪|沟|河|江|水库|山|坡|寺|"
            + "派出所|车站|汽车站|站|大厦|商场|超市|楼盘|项目";
    private static final Pattern ZH_CANDIDATE = Pattern.compile("\\p{IsHan}+");
    private static final Pattern EN = Pattern.compile(
            "\\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\\s+(?i:village|town|township|road|street|avenue|lane|bridge|tunnel|"
                    + "expressway|company|group|mining|mine|factory|plant|hospital|school|kindergarten|market|square|hotel|"
                    + "compound|estate|garden|gardens|mansion|park|industrial park|scenic area|bay|river|reservoir|mountain|"
                    + "temple|station|mall|residential)\\b");
    private static final Set<String> GENERIC = Set.of("某", "该", "我", "这", "那", "本", "全", "各", "一", "其", "此", "有",
            "在", "的", "和", "与", "及", "到", "对", "从", "向", "个", "名", "市", "县", "区", "省");
    private static final Set<String> EN_GENERIC = Set.of("the", "a", "an", "this", "that", "local", "county", "city",
            "district", "town", "village", "same", "old", "new", "north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "main", "high", "middle", "primary", "people", "peoples", "state",
            "provincial", "municipal", "one", "two", "its", "their", "our", "his", "her", "private", "public", "foreign");

    private Names() {
    }

    static Set<String> of(String text) {
        Set<String> out = new TreeSet<>();
        Matcher run = ZH_CANDIDATE.matcher(text);
        while (run.find()) {
            String s = run.group();
            for (int end = 2; end < s.length(); end++) {
                for (String kind : KINDS) {
                    if (s.startsWith(kind, end)) {
                        for (int len = 2; len <= 3 && end - len >= 0; len++) {
                            add(s.substring(end - len, end), out);
                        }
                    }
                }
            }
        }
        Matcher word = EN_WORD.matcher(text);
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT).replaceAll("['’]", "");
            if (syllables(w) >= 2 && !Counties.configured().isRegionSpelling(w) && !EnglishWords.KNOWN.contains(w)) {
                out.add(PREFIX + w);
            }
        }
        Matcher en = EN.matcher(text);
        while (en.find()) {
            String name = en.group(1).toLowerCase(Locale.ROOT).replaceAll("[ -]", "");
            if (!EN_GENERIC.contains(name) && name.length() >= 4) {
                out.add(PREFIX + name);
            }
        }
        return out;
    }

    private static final Pattern EN_WORD = Pattern.compile("(?<=[a-z,;:]\\s)[A-Z][a-z]+(?:['’][a-z]+)?");
    private static final Set<String> SYLLABLES = new java.util.HashSet<>();

    static {
        for (Pinyin p : Pinyin.values()) {
            String s = p.getPinyinWithoutTone();
            if (!s.isEmpty() && s.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                SYLLABLES.add(s);
            }
        }
    }

    /**
     * English words that a pinyin spelling could be taken for: every word the classification corpus writes in lower
     * case (police, gate, taxi, woman), months, countries and peoples, which English always capitalises, and the
     * province's own spelling (Shaanxi).
     */
    private static final class EnglishWords {
        static final Set<String> KNOWN = load();

        private static Set<String> load() {
            Set<String> words = new java.util.HashSet<>(Set.of("january", "february", "march", "april", "may", "june",
                    "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
                    "thursday", "friday", "saturday", "sunday", "china", "chinese", "asia", "asian", "america",
                    "american", "canada", "canadian", "japan", "japanese", "korean", "europe", "european", "africa",
                    "african", "russia", "russian", "india", "indian", "macao", "taiwanese", "english", "muslim",
                    "shaanxi"));
            Matcher m = Pattern.compile("(?<![A-Za-z])[a-z]+").matcher("");
            for (org.sitrep.risk.classification.LabelledReport r : org.sitrep.risk.classification.Corpus.load().reports()) {
                m.reset(r.text());
                while (m.find()) {
                    words.add(m.group());
                }
            }
            return words;
        }
    }

    /** How many pinyin syllables the word is spelt with (fewest), 0 when it is not spelt in pinyin (an English word). */
    static int syllables(String word) {
        int n = word.length();
        int[] best = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - 6); start < end; start++) {
                if (best[start] != Integer.MAX_VALUE && SYLLABLES.contains(word.substring(start, end))) {
                    best[end] = Math.min(best[end], best[start] + 1);
                }
            }
        }
        return best[n] == Integer.MAX_VALUE ? 0 : best[n];
    }

    private static final List<String> KINDS = List.of(ZH_KINDS.split("\\|"));

    private static void add(String stem, Set<String> out) {
        for (int i = 0; i < stem.length(); i++) {
            if (GENERIC.contains(stem.substring(i, i + 1))) {
                return;
            }
        }
        String spelt = pinyin(stem);
        if (spelt != null) {
            out.add(PREFIX + spelt);
        }
    }

    /** The pinyin of the characters without tones (镇安 → zhenan), or null when one has none. */
    static String pinyin(String han) {
        StringBuilder spelt = new StringBuilder();
        for (Pinyin p : HanLP.convertToPinyinList(han)) {
            if (p == Pinyin.none5) {
                return null;
            }
            spelt.append(p.getPinyinWithoutTone());
        }
        return spelt.toString();
    }
}
