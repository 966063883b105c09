package org.sitrep.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The region catalogue: the one source of truth for region codes, names and the hierarchy, shared by every service.
 * <p>
 * Loaded from the bundled {@code regions/regions.csv}, or from the file named by the system property
 * {@value #FILE_PROPERTY} or the environment variable {@value #FILE_ENV}, so an office can install its own.
 * Immutable once loaded.
 */
public final class RegionCatalogue {

    public static final String FILE_PROPERTY = "sitrep.regions.file";
    public static final String FILE_ENV = "SITREP_REGIONS_FILE";
    static final String BUNDLED = "regions/regions.csv";
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;

    private RegionCatalogue(Map<String, Region> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Region>> kids = new LinkedHashMap<>();
        for (Region region : byCode.values()) {
            if (region.parentCode() != null) {
                kids.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
    }

    /** The catalogue an office configured, or the bundled one. */
    public static RegionCatalogue load() {
        String file = System.getProperty(FILE_PROPERTY, System.getenv(FILE_ENV));
        if (file != null && !file.isBlank()) {
            return fromFile(Path.of(file));
        }
        return bundled();
    }

    public static RegionCatalogue bundled() {
        try (InputStream in = RegionCatalogue.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled region catalogue " + BUNDLED + " is missing");
            }
            return parse(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RegionCatalogue fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read region catalogue " + file, e);
        }
    }

    /** Parses {@code code,name,parentCode,level} lines; {@code #} starts a comment line. */
    public static RegionCatalogue parse(InputStream in, String source) throws IOException {
        Map<String, Region> regions = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] f = trimmed.split(",", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": expected code,name,parentCode,level");
            }
            String code = f[0].strip();
            String parent = f[2].strip().isEmpty() ? null : f[2].strip();
            if (!CODE.matcher(code).matches() || (parent != null && !CODE.matcher(parent).matches())) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": codes must have 6 digits");
            }
            Region.Level level;
            try {
                level = Region.Level.valueOf(f[3].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": unknown level " + f[3].strip(), e);
            }
            if (regions.put(code, new Region(code, f[1].strip(), parent, level)) != null) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": duplicate code " + code);
            }
        }
        for (Region region : regions.values()) {
            if (region.parentCode() != null && !regions.containsKey(region.parentCode())) {
                throw new IllegalArgumentException(source + ": region " + region.code() + " names unknown parent " + region.parentCode());
            }
        }
        return new RegionCatalogue(regions);
    }

    public boolean contains(String code) {
        return code != null && byCode.containsKey(code);
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Region get(String code) {
        Region region = byCode.get(code);
        if (region == null) {
            throw new IllegalArgumentException("unknown region " + code);
        }
        return region;
    }

    public String nameOf(String code) {
        return find(code).map(Region::name).orElse(code);
    }

    public List<Region> all() {
        return List.copyOf(byCode.values());
    }

    public List<Region> childrenOf(String code) {
        return children.getOrDefault(code, List.of());
    }

    public List<Region> roots() {
        return byCode.values().stream().filter(r -> r.parentCode() == null).toList();
    }

    /** True when {@code code} is {@code ancestor} itself or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        String current = code;
        while (current != null) {
            if (current.equals(ancestor)) {
                return true;
            }
            Region region = byCode.get(current);
            current = region == null ? null : region.parentCode();
        }
        return false;
    }

    /**
     * The region that {@code code} rolls up to one level below {@code ancestor}: for a county under a city asked
     * against the province, the city. Empty when {@code code} is not below {@code ancestor}.
     */
    public Optional<Region> childOfAncestorContaining(String ancestor, String code) {
        String current = code;
        while (current != null) {
            Region region = byCode.get(current);
            if (region == null) {
                return Optional.empty();
            }
            if (ancestor.equals(region.parentCode())) {
                return Optional.of(region);
            }
            current = region.parentCode();
        }
        return Optional.empty();
    }

    public int size() {
        return byCode.size();
    }
}
