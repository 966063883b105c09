import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Helper of deploy/local/run.sh, run with the JDK's single-file launcher (java LocalDemo.java ...):
 * <ul>
 * <li>{@code wait <url>...} waits until every URL answers 200 (the services' readiness);</li>
 * <li>{@code seed <ingest-url> <briefing-url> <corpus-dir> <count> [<groups-file> <group-count>]} submits a demo set of
 * reports from several units and counties spread over the past three weeks (taken from the labelled corpus, submitted
 * with an externalId so a second run adds nothing), and, from the labelled duplicate groups, incidents reported by
 * several units within the past week, each group keeping the hours between its reports; waits until they are
 * classified, and generates a briefing for the past seven days.</li>
 * </ul>
 * Needs nothing but the JDK.
 */
public class LocalDemo {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "wait" -> waitReady(List.of(args).subList(1, args.length), Duration.ofMinutes(3));
            case "seed" -> seed(args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]),
                    args.length > 6 ? Path.of(args[5]) : null, args.length > 6 ? Integer.parseInt(args[6]) : 0);
            default -> {
                System.err.println("usage: LocalDemo wait <url>... | seed <ingest-url> <briefing-url> <corpus-dir> <count>"
                        + " [<groups-file> <group-count>]");
                System.exit(2);
            }
        }
    }

    static void waitReady(List<String> urls, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        for (String url : urls) {
            while (status(url) != 200) {
                if (Instant.now().isAfter(deadline)) {
                    System.err.println("not ready in time: " + url);
                    System.exit(1);
                }
                Thread.sleep(500);
            }
        }
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void seed(String ingest, String briefing, Path corpusDir, int count, Path groupsFile, int groupCount)
            throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpusDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
            }
        }
        if (lines.isEmpty()) {
            System.err.println("no corpus files under " + corpusDir);
            System.exit(1);
        }
        Random random = new Random(20261124L);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int step = Math.max(1, lines.size() / count);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < lines.size() && items.size() < count; i += step) {
            String line = lines.get(i);
            // spread over the past 21 days, more in the last week so the map shows change
            long minutesAgo = (long) (Math.pow(random.nextDouble(), 1.6) * 21 * 24 * 60) + 30;
            items.add(report(line, now.minus(minutesAgo, ChronoUnit.MINUTES)));
        }
        if (groupsFile != null) {
            items.addAll(groups(groupsFile, groupCount, now, random));
        }
        int accepted = 0;
        for (int from = 0; from < items.size(); from += 200) {
            List<String> chunk = items.subList(from, Math.min(items.size(), from + 200));
            HttpResponse<String> answer = post(ingest + "/api/v1/reports/batch", "{\"reports\":[" + String.join(",", chunk) + "]}");
            Matcher m = Pattern.compile("\"accepted\":(\\d+)").matcher(answer.body());
            if (answer.statusCode() != 200 || !m.find()) {
                System.err.println("batch refused: " + answer.statusCode() + " " + answer.body());
                System.exit(1);
            }
            accepted += Integer.parseInt(m.group(1));
        }
        System.out.println("demo reports accepted: " + accepted + " (from " + items.size() + " submitted)");

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long total = 0;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> situation = get(briefing + "/api/v1/situation?from=" + now.minus(30, ChronoUnit.DAYS) + "&to="
                    + now.plus(1, ChronoUnit.HOURS));
            Matcher m = Pattern.compile("\"totals\":\\{[^}]*\"ALL\":(\\d+)").matcher(situation.body());
            total = situation.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : 0;
            if (total >= accepted) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.println("classified reports on the situation map: " + total);
        HttpResponse<String> situation = get(briefing + "/api/v1/situation?from=" + now.minus(30, ChronoUnit.DAYS) + "&to="
                + now.plus(1, ChronoUnit.HOURS));
        Matcher incidents = Pattern.compile("\"incidentTotals\":\\{[^}]*\"ALL\":(\\d+)").matcher(situation.body());
        if (incidents.find()) {
            System.out.println("incidents they describe: " + incidents.group(1));
        }
        HttpResponse<String> created = post(briefing + "/api/v1/briefings",
                "{\"from\":\"" + now.minus(7, ChronoUnit.DAYS) + "\",\"to\":\"" + now.plus(1, ChronoUnit.HOURS) + "\"}");
        System.out.println("briefing for the past 7 days: HTTP " + created.statusCode() + " "
                + created.headers().firstValue("Location").orElse(""));
    }

    /**
     * Reports of {@code count} labelled incidents with more than one report each, every incident moved to a random time
     * in the past week with the hours between its reports kept.
     */
    static List<String> groups(Path file, int count, Instant now, Random random) throws IOException {
        java.util.Map<String, List<String>> byGroup = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                byGroup.computeIfAbsent(field(line, "group"), k -> new ArrayList<>()).add(line);
            }
        }
        List<List<String>> several = byGroup.values().stream().filter(g -> g.size() > 1).toList();
        int step = Math.max(1, several.size() / Math.max(1, count));
        List<String> out = new ArrayList<>();
        for (int i = 0, taken = 0; i < several.size() && taken < count; i += step, taken++) {
            List<String> group = several.get(i);
            Instant first = group.stream().map(l -> Instant.parse(field(l, "occurredAt"))).min(Instant::compareTo).orElseThrow();
            Instant last = group.stream().map(l -> Instant.parse(field(l, "occurredAt"))).max(Instant::compareTo).orElseThrow();
            long span = Duration.between(first, last).toMinutes();
            Instant start = now.minus(span + 30 + random.nextInt(6 * 24 * 60), ChronoUnit.MINUTES);
            for (String line : group) {
                out.add(report(line, start.plus(Duration.between(first, Instant.parse(field(line, "occurredAt"))))));
            }
        }
        return out;
    }

    /** Turns a corpus line into a submission: same unit, region, title and text, a new time, an externalId. */
    static String report(String corpusLine, Instant occurredAt) {
        String id = field(corpusLine, "id");
        StringBuilder json = new StringBuilder("{");
        json.append("\"unitId\":\"").append(field(corpusLine, "unitId")).append("\",");
        json.append("\"regionCode\":\"").append(field(corpusLine, "regionCode")).append("\",");
        json.append("\"occurredAt\":\"").append(occurredAt).append("\",");
        json.append("\"externalId\":\"demo-").append(id).append("\",");
        String title = rawField(corpusLine, "title");
        if (title != null) {
            json.append("\"title\":").append(title).append(',');
        }
        json.append("\"body\":").append(rawField(corpusLine, "body"));
        String casualties = objectField(corpusLine, "casualties");
        if (casualties != null) {
            json.append(",\"casualties\":").append(casualties);
        }
        return json.append('}').toString();
    }

    static String field(String json, String name) {
        String raw = rawField(json, name);
        return raw == null ? null : raw.substring(1, raw.length() - 1);
    }

    /** The JSON string literal of a top-level field, quotes and escapes kept. */
    static String rawField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String objectField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\{[^{}]*\\})").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
