package org.sitrep.risk.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sitrep.regions.Region;
import org.sitrep.regions.RegionCatalogue;

/**
 * The counties of the region catalogue a text names: a city office writing about "镇安县一铁矿" or "the Ziyang county
 * government website" speaks of an incident in that county, though its report carries the city's own code. A county
 * is named by its full name (镇安县), by its short name (镇安) when that is not the start of a town or road named after
 * it (长安镇) nor the end of a common word (乡镇安全), or in English by the pinyin of its short name (Zhen'an, Ziyang;
 * a one-syllable name only with "County", as in "Mian County"). Short names that are common words (新城, 长安) count
 * only in full.
 */
final class Counties {

    static final String PREFIX = "~county:";

    private static final Set<String> AMBIGUOUS = Set.of("新城", "长安", "白河");
    private static volatile Counties configured;

    /** {@code spelt}: the pinyin of the short name; {@code withCountyWord}: in English only before "county" or "district". */
    private record County(String code, String full, String shortName, String spelt, boolean withCountyWord) {
    }

    private final List<County> counties = new ArrayList<>();
    private final Set<String> spellings = new java.util.HashSet<>();
    private final java.util.Map<String, List<County>> bySpelling = new java.util.HashMap<>();
    private final java.util.Map<Integer, String> byFeature = new java.util.HashMap<>();

    Counties(RegionCatalogue catalogue) {
        for (Region r : catalogue.all()) {
            String full = r.name();
            boolean suffixed = full.length() > 2 && "省市县区旗".indexOf(full.charAt(full.length() - 1)) >= 0;
            // 镇安县 → 镇安; a two-character name keeps its suffix (勉县) and is spelt by its first character (Mian)
            String stem = suffixed ? full.substring(0, full.length() - 1) : full.substring(0, 1);
            String spelt = Names.pinyin(stem);
            if (spelt != null && stem.length() >= 2) {
                spellings.add(spelt);
            }
            if (r.level() != Region.Level.COUNTY || full.length() < 2) {
                continue;
            }
            boolean alone = suffixed && !AMBIGUOUS.contains(stem);
            County county = new County(r.code(), full, alone ? stem : null, spelt, !alone);
            counties.add(county);
            byFeature.put(TextFingerprint.feature(PREFIX + r.code()), r.code());
            if (spelt != null) {
                bySpelling.computeIfAbsent(spelt, k -> new ArrayList<>()).add(county);
            }
        }
    }

    /** The counties of the catalogue the office runs with ({@code sitrep.regions.file}, else the bundled one). */
    static Counties configured() {
        Counties c = configured;
        if (c == null) {
            synchronized (Counties.class) {
                c = configured;
                if (c == null) {
                    c = new Counties(RegionCatalogue.load());
                    configured = c;
                }
            }
        }
        return c;
    }

    /** The codes of the counties the text names, as {@code ~county:610924} shingles. */
    Set<String> of(String text) {
        Set<String> out = new TreeSet<>();
        for (County c : counties) {
            if (text.contains(c.full()) || (c.shortName() != null && namesShort(text, c.shortName()))) {
                out.add(PREFIX + c.code());
            }
        }
        Matcher words = LATIN_WORD.matcher(text);
        String previous = null;
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT).replaceAll("['’-]", "");
            for (String candidate : previous == null ? List.of(word) : List.of(word, previous)) {
                for (County c : bySpelling.getOrDefault(candidate, List.of())) {
                    boolean countyWord = candidate.equals(previous) && (word.equals("county") || word.equals("district"));
                    if (c.withCountyWord() ? countyWord : candidate.equals(word)) {
                        out.add(PREFIX + c.code());
                    }
                }
            }
            previous = word;
        }
        return out;
    }

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+(?:['’-][A-Za-z]+)*");

    private static final String TOWN_OR_ROAD = "镇乡村路街巷社道";

    /**
     * True when the short name stands as a name somewhere in the text: not followed by a word for a town or road
     * (长安镇), and neither its first character with the one before (乡镇安全) nor its last with the one after (镇安置点)
     * a common word of the general language.
     */
    private static boolean namesShort(String text, String name) {
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean townNamedAfter = end < text.length() && TOWN_OR_ROAD.indexOf(text.charAt(end)) >= 0;
            boolean wordBefore = at > 0 && TextFingerprint.common(text.substring(at - 1, at + 1));
            boolean wordAfter = end < text.length() && TextFingerprint.common(text.substring(end - 1, end + 1));
            if (!townNamedAfter && !wordBefore && !wordAfter) {
                return true;
            }
        }
        return false;
    }

    /** True when the word is the pinyin of a province, city or county of the catalogue (Ankang, Ziyang) without its suffix. */
    boolean isRegionSpelling(String word) {
        return spellings.contains(word);
    }

    /** The county codes by the hashed feature of their {@code ~county:} shingle, for decoding fingerprints. */
    java.util.Map<Integer, String> byFeature() {
        return byFeature;
    }
}
