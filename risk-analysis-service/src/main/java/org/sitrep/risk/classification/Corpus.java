package org.sitrep.risk.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labelled corpus: every {@code corpus/*.jsonl} file found on the classpath (in a directory during development
 * and tests, inside the service jar when packaged), read in file-name order. Lines that cannot be read or lack a
 * category or body are skipped with a warning (a file may be mid-edit), duplicate ids keep their first occurrence.
 */
public final class Corpus {

    public static final String FOLDER = "corpus";
    private static final Logger LOG = Logger.getLogger(Corpus.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true);

    private final List<LabelledReport> reports;
    private final List<String> files;
    private final String hash;

    private Corpus(List<LabelledReport> reports, List<String> files, String hash) {
        this.reports = List.copyOf(reports);
        this.files = List.copyOf(files);
        this.hash = hash;
    }

    public List<LabelledReport> reports() {
        return reports;
    }

    public List<String> files() {
        return files;
    }

    /** Short hash of the training data (ids, labels and texts), part of the model version. */
    public String hash() {
        return hash;
    }

    public int size() {
        return reports.size();
    }

    /** Loads every corpus file from the classpath. */
    public static Corpus load() {
        TreeMap<String, String> contents = new TreeMap<>();
        for (URL root : roots()) {
            try {
                readFolder(root, contents);
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("cannot list " + root, e);
            }
        }
        return parse(contents);
    }

    /** Builds a corpus from file name → content, e.g. for tests. */
    public static Corpus parse(TreeMap<String, String> contents) {
        List<LabelledReport> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        MessageDigest digest = sha256();
        for (var file : contents.entrySet()) {
            int lineNo = 0;
            for (String line : file.getValue().split("\n")) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                LabelledReport r;
                try {
                    r = MAPPER.readValue(line, LabelledReport.class);
                } catch (IOException e) {
                    LOG.warnf("corpus %s line %d skipped: %s", file.getKey(), lineNo, e.getMessage());
                    continue;
                }
                if (r.category() == null || r.body() == null || r.body().isBlank() || r.id() == null) {
                    LOG.warnf("corpus %s line %d skipped: no id, category or body", file.getKey(), lineNo);
                    continue;
                }
                if (!ids.add(r.id())) {
                    LOG.warnf("corpus %s line %d skipped: duplicate id %s", file.getKey(), lineNo, r.id());
                    continue;
                }
                out.add(r);
                digest.update((r.id() + "\u0001" + r.category() + "\u0001" + r.severity() + "\u0001" + r.title()
                        + "\u0001" + r.body() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String hash = HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        return new Corpus(out, new ArrayList<>(contents.keySet()), hash);
    }

    private static List<URL> roots() {
        List<URL> roots = new ArrayList<>();
        try {
            // the code source of this class: target/classes during tests, the service jar when packaged
            var source = Corpus.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                roots.add(source.getLocation());
            }
            roots.addAll(Collections.list(Corpus.class.getClassLoader().getResources(FOLDER)));
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("cannot locate the corpus", e);
        }
        return roots;
    }

    private static void readFolder(URL root, TreeMap<String, String> contents) throws IOException, URISyntaxException {
        String s = root.toString();
        if (s.startsWith("jar:")) {
            String jar = s.substring(4, s.indexOf("!/"));
            readJar(Path.of(new URL(jar).toURI()), contents);
            return;
        }
        if (!"file".equals(root.getProtocol())) {
            return;
        }
        Path path = Path.of(root.toURI());
        if (Files.isRegularFile(path)) {
            readJar(path, contents);
            return;
        }
        Path folder = path.getFileName() != null && path.getFileName().toString().equals(FOLDER) ? path
                : path.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                contents.putIfAbsent(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
    }

    private static void readJar(Path jarPath, TreeMap<String, String> contents) throws IOException {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                String name = e.getName();
                if (name.startsWith(FOLDER + "/") && name.endsWith(".jsonl") && name.indexOf('/', FOLDER.length() + 1) < 0) {
                    try (InputStream in = jar.getInputStream(e);
                         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        StringBuilder sb = new StringBuilder();
                        r.lines().forEach(l -> sb.append(l).append('\n'));
                        contents.putIfAbsent(name.substring(FOLDER.length() + 1), sb.toString());
                    }
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
