package org.sitrep.risk.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.sitrep.risk.classification.ClassifierTrainer;
import org.sitrep.risk.classification.Corpus;
import org.sitrep.risk.classification.LabelledReport;
import org.sitrep.risk.classification.Taxonomy;
import org.sitrep.risk.classification.TextClassifier;
import org.sitrep.risk.classification.Tokenizer;
import org.sitrep.risk.incident.IncidentLinker;
import org.sitrep.risk.incident.LinkTraining;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hankcs.hanlp.seg.Segment;

/**
 * Throughput and latency of classification of 300-character reports, on one thread and on one thread per core,
 * next to HanLP segmentation alone on the same inputs in the same run (the baseline). Not a test: the class name does
 * not match the surefire includes, so {@code mvn verify} never runs it. Run it explicitly with
 *
 * <pre>mvn -B -q test -pl risk-analysis-service -Dtest=ClassifierBenchmark</pre>
 *
 * It writes {@code docs/benchmarks.md} and {@code target/benchmarks.json}. Settings (system properties):
 * {@code sitrep.benchmark.warmup-seconds} (default 5), {@code sitrep.benchmark.seconds} (default 8 per measurement),
 * {@code sitrep.benchmark.write-docs} (default true).
 */
class ClassifierBenchmark {

    static final String COMMAND = "mvn -B -q test -pl risk-analysis-service -Dtest=ClassifierBenchmark";
    static final int REPORT_CHARS = 300;
    static final int INPUTS = 2000;
    static final double TARGET_PER_CORE = 5000;

    /** One measured configuration. */
    record Result(String workload, int threads, long reports, double seconds, double perSecond, double perThread,
            double p50Micros, double p99Micros) {
    }

    static final int CANDIDATES = 50;
    static final Instant LINK_TIME = Instant.parse("2026-03-10T00:00:00Z");

    @Test
    void benchmark() throws Exception {
        int warmupSeconds = Integer.getInteger("sitrep.benchmark.warmup-seconds", 5);
        int seconds = Integer.getInteger("sitrep.benchmark.seconds", 8);
        int cores = Runtime.getRuntime().availableProcessors();

        Corpus corpus = Corpus.load();
        ClassifierTrainer trainer = new ClassifierTrainer(Taxonomy.bundled());
        TextClassifier classifier = trainer.train(corpus.reports(), corpus.hash(), 0.6).classifier();
        List<String> inputs = inputs(corpus.reports());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        // one shared segmenter, as the tokenizer shares its own between threads
        Consumer<String> segmentation = new Consumer<>() {
            final Segment segment = Tokenizer.newSegment();
            int sink;

            @Override
            public void accept(String text) {
                sink += segment.seg(text).size();
            }
        };
        // reference only: HanLP's Viterbi segmenter, which the tokenizer used before logreg-1.1
        Consumer<String> viterbi = new Consumer<>() {
            final Segment segment = com.hankcs.hanlp.HanLP.newSegment().enablePartOfSpeechTagging(false)
                    .enableNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false)
                    .enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false)
                    .enableNumberQuantifierRecognize(false).enableCustomDictionary(true);
            int sink;

            @Override
            public void accept(String text) {
                sink += segment.seg(text).size();
            }
        };
        Consumer<String> classification = new Consumer<>() {
            int sink;

            @Override
            public void accept(String text) {
                sink += classifier.classify(null, text).evidence().size();
            }
        };

        // incident linking as the service runs it after classifying: the report's fingerprint, then the link model
        // against the earlier reports of its city-level area within the window (CANDIDATES of them)
        IncidentLinker linker = LinkTraining.forService(corpus.reports(), Duration.ofHours(36), 0.5, 8,
                (title, body) -> classifier.classify(title, body).category().name());
        List<IncidentLinker.Sighting> candidates = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            candidates.add(IncidentLinker.sighting("c" + i, "610902", LINK_TIME.minusSeconds(i * 1800L), "PUBLIC_ORDER",
                    inputs.get(inputs.size() - 1 - i)).withIncident(UUID.nameUUIDFromBytes(("c" + i).getBytes())));
        }
        Consumer<String> fingerprint = new Consumer<>() {
            int sink;

            @Override
            public void accept(String text) {
                sink += IncidentLinker.sighting("r", "610902", LINK_TIME, "PUBLIC_ORDER", text).fingerprint().hashCode();
            }
        };
        Consumer<String> linking = new Consumer<>() {
            int sink;

            @Override
            public void accept(String text) {
                IncidentLinker.Sighting s = IncidentLinker.sighting("r", "610902", LINK_TIME, "PUBLIC_ORDER", text);
                sink += linker.link(s, candidates).matchedReportId().isPresent() ? 1 : 0;
            }
        };

        // warm-up: every workload, all threads, so that the JIT has compiled the hot paths before measuring
        run(segmentation, inputs, cores, warmupSeconds);
        run(classification, inputs, cores, warmupSeconds);
        run(viterbi, inputs, cores, warmupSeconds);
        run(fingerprint, inputs, cores, warmupSeconds);
        run(linking, inputs, cores, warmupSeconds);

        List<Result> results = new ArrayList<>();
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            results.add(measure("segmentation alone (HanLP, as the tokenizer uses it)", segmentation, inputs, threads,
                    seconds));
            results.add(measure("classification (full)", classification, inputs, threads, seconds));
            results.add(measure("reference: HanLP Viterbi segmentation (segmenter before logreg-1.1)", viterbi, inputs,
                    threads, seconds));
            results.add(measure("incident fingerprint (shingles, figures, concepts, names)", fingerprint, inputs, threads,
                    seconds));
            results.add(measure("incident linking (fingerprint + link model against " + CANDIDATES + " earlier reports)",
                    linking, inputs, threads, seconds));
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        Result seg1 = results.get(0);
        Result cls1 = results.get(1);
        double ratio = seg1.perSecond() / cls1.perSecond();

        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", cores);
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        machine.put("loadAverageBefore", round(loadBefore));
        machine.put("loadAverageAfter", round(loadAfter));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("reportChars", REPORT_CHARS);
        json.put("distinctInputs", inputs.size());
        json.put("warmupSeconds", warmupSeconds);
        json.put("secondsPerMeasurement", seconds);
        json.put("modelVersion", classifier.modelVersion());
        json.put("results", results);
        json.put("classificationToSegmentationTimeRatio", round(ratio));
        json.put("targetPerCore", TARGET_PER_CORE);
        Path target = Path.of("target", "benchmarks.json");
        Files.createDirectories(target.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(target.toFile(), json);

        StringBuilder md = new StringBuilder();
        md.append("# Classifier benchmarks\n\n");
        md.append("Regenerate (not part of `mvn verify`; run it on a machine that is otherwise as quiet as possible):\n\n```\n")
                .append(COMMAND).append("\n```\n\n");
        md.append("It writes this file and the raw figures to `target/benchmarks.json`. `ClassifierBenchmark` trains the "
                + "production model on the bundled corpus, builds " + INPUTS + " distinct inputs of exactly "
                + REPORT_CHARS + " characters from corpus texts (Chinese, mixed and English in corpus proportions), "
                + "warms up every workload on all threads, then measures each configuration for a fixed time on one "
                + "thread and on one thread per core. Each thread walks the inputs from a different offset. "
                + "*Classification (full)* is `TextClassifier.classify`: tokenisation (HanLP words, character bigrams, "
                + "English stems), keyword layer, vectorisation, logistic regression, calibrated probabilities and "
                + "evidence; severity grading is not included. *Segmentation alone* is the HanLP segmenter the tokenizer "
                + "uses (double-array-trie dictionary segmenter with the domain words) on the same inputs, the baseline "
                + "the classifier cannot beat; the Viterbi row is HanLP's default segmenter, used before logreg-1.1, for "
                + "reference. *Incident fingerprint* is what the linker keeps of a report (shingles, figures, days and "
                + "hours, concepts of the lexicon, names of places, counties named); *incident linking* is that plus the link model "
                + "against " + CANDIDATES + " earlier reports, the candidates of a busy city-level area over the 36-hour "
                + "window.\n\n");
        md.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append(String.format(Locale.ROOT, "%nWarm-up %d s per workload (all threads); %d s per measurement.%n%n",
                warmupSeconds, seconds));
        md.append("## Results\n\n| workload | threads | reports/s | reports/s per thread | p50 latency (µs) | p99 latency (µs) |\n"
                + "|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.0f | %.0f |%n", r.workload(),
                    r.threads(), r.perSecond(), r.perThread(), r.p50Micros(), r.p99Micros()));
        }
        md.append(String.format(Locale.ROOT,
                "%nFull classification takes **%.2f×** the time of segmentation alone (one thread, same run). The load average is that of the whole machine (other builds included). Target: "
                        + "≥ %,.0f classifications/s per core — one thread: **%,.0f/s**%s.%n",
                ratio, TARGET_PER_CORE, cls1.perSecond(), cls1.perSecond() >= TARGET_PER_CORE ? " (met)" : " (NOT met)"));
        Result link1 = results.get(4);
        md.append(String.format(Locale.ROOT, "%nIncident linking, which the service runs after classifying each report, "
                + "takes %,.0f µs at p50 against %d earlier reports of the same city-level area (%,.0f reports/s on one "
                + "thread); together with classification about %,.0f reports/s per core.%n", link1.p50Micros(), CANDIDATES,
                link1.perSecond(), 1 / (1 / cls1.perSecond() + 1 / link1.perSecond())));
        if (cores > 1) {
            Result clsN = results.get(6);
            md.append(String.format(Locale.ROOT,
                    "On %d threads: %,.0f/s in total, %,.0f/s per thread (scaling %.2f× over one thread; other processes "
                            + "sharing the cores lower this figure).%n",
                    cores, clsN.perSecond(), clsN.perThread(), clsN.perSecond() / cls1.perSecond()));
        }
        System.out.println(md);
        if (!"false".equals(System.getProperty("sitrep.benchmark.write-docs"))) {
            Files.writeString(docsDir().resolve("benchmarks.md"), md.toString());
        }
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Inputs of exactly REPORT_CHARS characters: corpus texts, continued with the next text when too short. */
    static List<String> inputs(List<LabelledReport> reports) {
        List<String> out = new ArrayList<>(INPUTS);
        int n = reports.size();
        for (int i = 0; out.size() < INPUTS; i++) {
            StringBuilder sb = new StringBuilder(reports.get(i % n).text());
            String lang = reports.get(i % n).lang();
            for (int j = 1; sb.length() < REPORT_CHARS; j++) {
                LabelledReport next = reports.get((i + j) % n);
                if (("en".equals(lang)) == ("en".equals(next.lang()))) {
                    sb.append('\n').append(next.body());
                }
            }
            out.add(sb.substring(0, REPORT_CHARS));
        }
        java.util.Collections.shuffle(out, new java.util.Random(42));
        return out;
    }

    /** Runs the workload on the given number of threads for about the given time; returns per-call latencies. */
    static long[][] run(Consumer<String> work, List<String> inputs, int threads, double seconds) throws InterruptedException {
        long[][] latencies = new long[threads][];
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int count = 0;
                int k = id * (inputs.size() / threads);
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long now = System.nanoTime();
                while (now < deadline) {
                    String text = inputs.get(k);
                    k = k + 1 == inputs.size() ? 0 : k + 1;
                    work.accept(text);
                    long end = System.nanoTime();
                    if (count == lat.length) {
                        lat = Arrays.copyOf(lat, lat.length * 2);
                    }
                    lat[count++] = end - now;
                    now = end;
                }
                latencies[id] = Arrays.copyOf(lat, count);
            }, "bench-" + t);
            workers[t].start();
        }
        ready.await();
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        return latencies;
    }

    static Result measure(String name, Consumer<String> work, List<String> inputs, int threads, int seconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long[][] lat = run(work, inputs, threads, seconds);
        double wall = (System.nanoTime() - start) / 1e9;
        long total = 0;
        for (long[] l : lat) {
            total += l.length;
        }
        long[] all = new long[(int) total];
        int p = 0;
        for (long[] l : lat) {
            System.arraycopy(l, 0, all, p, l.length);
            p += l.length;
        }
        Arrays.sort(all);
        double p50 = all[(int) Math.min(all.length - 1, Math.round(0.50 * (all.length - 1)))] / 1e3;
        double p99 = all[(int) Math.min(all.length - 1, Math.round(0.99 * (all.length - 1)))] / 1e3;
        double perSecond = total / wall;
        return new Result(name, threads, total, round(wall), round(perSecond), round(perSecond / threads), round(p50),
                round(p99));
    }

    static Path docsDir() throws IOException {
        String configured = System.getProperty("sitrep.docs.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "docs");
        if (!Files.isDirectory(dir)) {
            throw new IOException("docs folder not found: " + dir.toAbsolutePath());
        }
        return dir;
    }
}
