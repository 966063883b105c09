package org.sitrep.risk.incident;

import java.time.Duration;
import java.util.Set;

/**
 * What two reports near each other in place and time have in common, as the inputs of {@link LinkModel}: how alike
 * their texts are (all shingles, rare shingles only, concepts of the bilingual lexicon, figures, how many rare shingles
 * and names of places both hold), whether they lie in one county, whether the classifier put them in one category, how
 * far apart they are in time, whether they are in two languages, and whether the days and hours they state agree or
 * contradict each other. Every input lies in 0..1.
 */
public final class PairFeatures {

    static final String[] NAMES = {"text similarity", "rare-shingle similarity", "shared concepts", "shared figures",
            "same county", "same category", "different categories", "time gap", "two languages", "stated days differ",
            "same stated day", "same stated hour", "two languages × concepts", "two languages × figures",
            "a follow-up report × rare shingles shared", "rare shingles shared (log count, up to 12)",
            "names shared (up to 2)", "within 3 hours", "within 12 hours", "stated hours differ",
            "no stated day in common", "one names the other's county"};

    static final int SIZE = NAMES.length;

    private static final int ALL = 0b1111;
    private static final int NOT_HAN = ALL & ~(1 << TextFingerprint.HAN);

    private PairFeatures() {
    }

    static double[] of(IncidentLinker.Sighting a, IncidentLinker.Sighting b, FeatureWeights weights, Duration window) {
        TextFingerprint fa = a.fingerprint();
        TextFingerprint fb = b.fingerprint();
        boolean cross = fa.crossLanguage(fb);
        double[][] overlap = fa.overlap(fb, weights);
        double[] plain = overlap[0];
        double[] capped = overlap[1];
        int text = cross ? NOT_HAN : ALL;
        double concepts = TextFingerprint.cosine(plain, 1 << TextFingerprint.CONCEPT);
        double figures = TextFingerprint.cosine(plain, 1 << TextFingerprint.NUMBER);
        boolean bothCategories = a.category() != null && b.category() != null;
        boolean sameCategory = bothCategories && a.category().equals(b.category());
        long minutes = Duration.between(a.occurredAt(), b.occurredAt()).abs().toMinutes();
        double hours = minutes / 60.0;
        double gap = minutes / (double) window.toMinutes();
        Set<Integer> daysA = fa.days();
        Set<Integer> daysB = fb.days();
        boolean sameDay = daysA.stream().anyMatch(daysB::contains);
        boolean daysDiffer = !daysA.isEmpty() && !daysB.isEmpty() && daysA.stream().noneMatch(d -> daysB.contains(d)
                || daysB.contains(d - 1) || daysB.contains(d + 1));
        Set<Integer> hoursA = fa.hours();
        Set<Integer> hoursB = fb.hours();
        boolean sameHour = hoursA.stream().anyMatch(h -> hoursB.contains(h) || hoursB.contains((h + 1) % 24)
                || hoursB.contains((h + 23) % 24));
        double x = cross ? 1 : 0;
        boolean sameCounty = a.regionCode().equals(b.regionCode());
        boolean countyNamed = !sameCounty && (fa.namesCounty(b.regionCode()) || fb.namesCounty(a.regionCode())
                || fa.nameACountyWith(fb, a.regionCode().substring(0, 4)));
        double rareShared = Math.log1p(Math.min(capped[13], 12)) / Math.log(13);
        return new double[] {
                TextFingerprint.cosine(plain, text),
                TextFingerprint.cosine(capped, text),
                concepts,
                figures,
                sameCounty ? 1 : 0,
                sameCategory ? 1 : 0,
                bothCategories && !sameCategory ? 1 : 0,
                gap,
                x,
                daysDiffer ? 1 : 0,
                sameDay ? 1 : 0,
                sameHour ? 1 : 0,
                x * concepts,
                x * figures,
                (fa.followUp() || fb.followUp() ? 1 : 0) * rareShared,
                rareShared,
                Math.min(plain[14], 2) / 2,
                hours <= 3 ? 1 : 0,
                hours <= 12 ? 1 : 0,
                // what two texts state and contradict: another hour, another day
                !hoursA.isEmpty() && !hoursB.isEmpty() && !sameHour ? 1 : 0,
                !daysA.isEmpty() && !daysB.isEmpty() && !sameDay ? 1 : 0,
                countyNamed ? 1 : 0};
    }
}
