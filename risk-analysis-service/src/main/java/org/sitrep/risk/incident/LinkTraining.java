package org.sitrep.risk.incident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sitrep.risk.classification.LabelledReport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labelled pairs the link model learns from. Two sources: the labelled duplicate groups
 * ({@code incidents/duplicate-groups.jsonl}: reports of one incident by several units, follow-ups, and look-alikes
 * of other incidents), and the classification corpus placed at random over a few weeks in its own counties, where
 * every report is its own incident (the pairs a busy office sees between unrelated reports of one kind). Every pair
 * of reports near enough in place and time to be compared is one example.
 */
public final class LinkTraining {

    public static final String GROUPS = "incidents/duplicate-groups.jsonl";
    static final ZoneId OFFICE = ZoneId.of("Asia/Shanghai");

    /** A report with the incident it belongs to ({@code group}). */
    public record Report(String id, String group, String regionCode, Instant occurredAt, String title, String body,
            String category) {

        public String text() {
            return title == null || title.isBlank() ? body : title + "\n" + body;
        }

        public Report withCategory(String c) {
            return new Report(id, group, regionCode, occurredAt, title, body, c);
        }

        public IncidentLinker.Sighting sighting() {
            return IncidentLinker.sighting(id, regionCode, occurredAt, category, text());
        }
    }

    private LinkTraining() {
    }

    /** The labelled duplicate groups, in order of occurrence, without categories. */
    public static List<Report> labelledGroups() {
        ObjectMapper mapper = new ObjectMapper();
        List<Report> out = new ArrayList<>();
        try (InputStream in = LinkTraining.class.getClassLoader().getResourceAsStream(GROUPS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + GROUPS);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                out.add(new Report(n.get("id").asText(), n.get("group").asText(), n.get("regionCode").asText(),
                        Instant.parse(n.get("occurredAt").asText()), n.path("title").asText(null), n.get("body").asText(), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Report::occurredAt).thenComparing(Report::id));
        return out;
    }

    /**
     * Distinct incidents placed at random over {@code days} days from {@code start}, each in its own county; the days
     * and months the text states are moved to the day it is placed on, as a real report would state them.
     */
    public static List<Report> placed(List<Report> reports, long seed, Instant start, int days) {
        Random random = new Random(seed);
        List<Report> out = new ArrayList<>();
        for (Report r : reports) {
            Instant at = start.plusSeconds(random.nextInt(days * 86_400));
            LocalDate day = at.atZone(OFFICE).toLocalDate();
            out.add(new Report(r.id(), r.id(), r.regionCode(), at, r.title() == null ? null : retime(r.title(), day),
                    retime(r.body(), day), r.category()));
        }
        out.sort(Comparator.comparing(Report::occurredAt).thenComparing(Report::id));
        return out;
    }

    private static final Pattern ZH_MONTH_DAY = Pattern.compile("(\\d{1,2})月(\\d{1,2})([日号])");
    private static final Pattern ZH_DAY = Pattern.compile("(?<![\\d月.])(\\d{1,2})([日号])(?![报])");
    private static final Pattern ZH_CASE = Pattern.compile("([“\"「])(\\d{1,2})([·•.])(\\d{1,2})([”\"」])");
    private static final Pattern EN_DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(st|nd|rd|th)?(\\s+)(January|February|March|April|May|June|July|August|September|October|November|December)\\b");
    private static final Pattern EN_MONTH_DAY = Pattern.compile(
            "\\b(January|February|March|April|May|June|July|August|September|October|November|December)(\\s+)(\\d{1,2})(st|nd|rd|th)?\\b");

    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    /**
     * The text with its stated dates moved so that the first one falls on {@code day} and the others keep their
     * distance from it (a follow-up's "18日" stays five days after the incident's "13日"; an intrusion "since 7
     * November" stays two days before it). A day stated without its month is read in the month that puts it nearest
     * the first date.
     */
    static String retime(String text, LocalDate day) {
        LocalDate anchor = firstStatedDate(text, day.getYear());
        if (anchor == null) {
            return text;
        }
        long shift = java.time.temporal.ChronoUnit.DAYS.between(anchor, day);
        Function<LocalDate, LocalDate> move = d -> d.plusDays(shift);
        String s = replace(ZH_MONTH_DAY, text, m -> {
            LocalDate d = move.apply(statedDate(ZH_MONTH_DAY, m, day.getYear(), anchor));
            return d.getMonthValue() + "月" + d.getDayOfMonth() + m.group(3);
        });
        s = replace(ZH_DAY, s, m -> move.apply(nearest(anchor, int1(m, 1))).getDayOfMonth() + m.group(2));
        s = replace(ZH_CASE, s, m -> {
            LocalDate d = move.apply(statedDate(ZH_CASE, m, day.getYear(), anchor));
            return m.group(1) + d.getMonthValue() + m.group(3) + d.getDayOfMonth() + m.group(5);
        });
        s = replace(EN_DAY_MONTH, s, m -> {
            LocalDate d = move.apply(statedDate(EN_DAY_MONTH, m, day.getYear(), anchor));
            return d.getDayOfMonth() + m.group(3) + english(d);
        });
        s = replace(EN_MONTH_DAY, s, m -> {
            LocalDate d = move.apply(statedDate(EN_MONTH_DAY, m, day.getYear(), anchor));
            return english(d) + m.group(2) + d.getDayOfMonth();
        });
        return s;
    }

    /** The first date the text states with its month; else its first day without one, read in January (only distances count). */
    private static LocalDate firstStatedDate(String text, int year) {
        int best = Integer.MAX_VALUE;
        LocalDate first = null;
        for (Pattern p : List.of(ZH_MONTH_DAY, ZH_CASE, EN_DAY_MONTH, EN_MONTH_DAY)) {
            Matcher m = p.matcher(text);
            if (m.find() && m.start() < best) {
                LocalDate d = statedDate(p, m, year, null);
                if (d != null) {
                    best = m.start();
                    first = d;
                }
            }
        }
        if (first == null) {
            Matcher m = ZH_DAY.matcher(text);
            if (m.find() && int1(m, 1) >= 1 && int1(m, 1) <= 31) {
                first = LocalDate.of(year, 1, int1(m, 1));
            }
        }
        return first;
    }

    /** The date a match of one of the month-and-day patterns states, in {@code year} (see {@link #date}). */
    private static LocalDate statedDate(Pattern p, Matcher m, int year, LocalDate fallback) {
        if (p == ZH_MONTH_DAY) {
            return date(year, int1(m, 1), int1(m, 2), fallback);
        } else if (p == ZH_CASE) {
            return date(year, int1(m, 2), int1(m, 4), fallback);
        } else if (p == EN_DAY_MONTH) {
            return date(year, MONTHS.indexOf(m.group(4)) + 1, int1(m, 1), fallback);
        }
        return date(year, MONTHS.indexOf(m.group(1)) + 1, int1(m, 3), fallback);
    }

    private static int int1(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** The date of this month and day, or when there is none (6月31日) the day nearest {@code fallback}'s month. */
    private static LocalDate date(int year, int month, int dayOfMonth, LocalDate fallback) {
        try {
            return LocalDate.of(year, month, dayOfMonth);
        } catch (java.time.DateTimeException e) {
            return fallback == null ? null : nearest(fallback, Math.min(dayOfMonth, 28));
        }
    }

    /** The date with this day of the month nearest {@code anchor} (in its month, the one before or the one after). */
    private static LocalDate nearest(LocalDate anchor, int dayOfMonth) {
        LocalDate best = anchor;
        long distance = Long.MAX_VALUE;
        for (int months = -1; months <= 1; months++) {
            LocalDate month = anchor.plusMonths(months);
            if (dayOfMonth >= 1 && dayOfMonth <= month.lengthOfMonth()) {
                LocalDate d = month.withDayOfMonth(dayOfMonth);
                long apart = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(anchor, d));
                if (apart < distance) {
                    distance = apart;
                    best = d;
                }
            }
        }
        return best;
    }

    private static String english(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String replace(Pattern p, String text, Function<Matcher, String> by) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(by.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Corpus reports as distinct incidents (each its own group), with their labelled categories, not yet placed. */
    public static List<Report> distinct(List<LabelledReport> corpus) {
        return corpus.stream().map(r -> new Report(r.id(), r.id(), r.regionCode(), Instant.EPOCH, r.title(), r.body(),
                r.category().name())).toList();
    }

    /** One example per pair of reports near enough in place and time to be compared. */
    public static List<LinkModel.Example> examples(List<Report> reports, FeatureWeights weights, Duration window) {
        List<IncidentLinker.Sighting> sightings = reports.stream().map(Report::sighting).toList();
        List<LinkModel.Example> out = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                IncidentLinker.Sighting a = sightings.get(i);
                IncidentLinker.Sighting b = sightings.get(j);
                if (IncidentLinker.comparable(a, b, window)) {
                    out.add(new LinkModel.Example(PairFeatures.of(a, b, weights, window),
                            reports.get(i).group().equals(reports.get(j).group())));
                }
            }
        }
        return out;
    }

    /** Ridge penalty of the fit. */
    public static final double RIDGE = 0.3;

    /** A linker whose model is fitted on the pairs of the given reports. */
    public static IncidentLinker train(Duration window, double threshold, FeatureWeights weights, List<List<Report>> sources) {
        List<LinkModel.Example> examples = new ArrayList<>();
        for (List<Report> source : sources) {
            examples.addAll(examples(source, weights, window));
        }
        return new IncidentLinker(window, threshold, weights, LinkModel.fit(examples, RIDGE));
    }

    /** Seed, start and span of the corpus's placement in time for the service's model. */
    static final long PLACEMENT_SEED = 11;
    static final Instant PLACEMENT_START = Instant.parse("2026-03-02T00:00:00Z");
    /**
     * How densely the corpus is placed in time: a busy office's reports of every kind, about 56 a day across the
     * province's counties. Fixed, so that the corpus growing does not make the office busier.
     */
    public static final int REPORTS_PER_DAY = 56;

    /** The days over which {@code reports} distinct reports are placed at {@link #REPORTS_PER_DAY}. */
    public static int placementDays(int reports) {
        return Math.max(1, Math.round(reports / (float) REPORTS_PER_DAY));
    }

    /**
     * The linker the service runs: shingle weights from the corpus, the model fitted on the labelled duplicate groups
     * (with the categories {@code categoryOf} gives each title and body, as the service links after classifying) and
     * on the whole corpus placed over three weeks. Deterministic: the same data give the same model.
     */
    public static IncidentLinker forService(List<LabelledReport> corpus, Duration window, double threshold,
            int maxDocumentFrequency, BiFunction<String, String, String> categoryOf) {
        FeatureWeights weights = FeatureWeights.learn(corpus.stream().map(LabelledReport::text).toList(),
                maxDocumentFrequency);
        List<Report> groups = labelledGroups().stream().map(r -> r.withCategory(categoryOf.apply(r.title(), r.body())))
                .toList();
        List<Report> placed = placed(distinct(corpus), PLACEMENT_SEED, PLACEMENT_START,
                placementDays(corpus.size()));
        return train(window, threshold, weights, List.of(groups, placed));
    }
}
