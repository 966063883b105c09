package org.sitrep.risk.classification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The versioned taxonomy: the categories with their names, definitions and the keyword lists of the keyword layer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Taxonomy(String version, List<Entry> categories) {

    public static final String RESOURCE = "taxonomy/taxonomy.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(Category code, String nameZh, String nameEn, String definitionZh, String definitionEn,
            List<String> keywordsZh, List<String> keywordsEn) {

        public Entry {
            keywordsZh = keywordsZh == null ? List.of() : List.copyOf(keywordsZh);
            keywordsEn = keywordsEn == null ? List.of() : List.copyOf(keywordsEn);
        }
    }

    public Taxonomy {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("taxonomy has no version");
        }
        categories = List.copyOf(categories);
        Set<Category> seen = EnumSet.noneOf(Category.class);
        for (Entry e : categories) {
            if (e.code() == null || !seen.add(e.code())) {
                throw new IllegalArgumentException("taxonomy lists a category twice or without code: " + e.code());
            }
        }
        if (seen.size() != Category.count()) {
            throw new IllegalArgumentException("taxonomy must define all five categories, has " + seen);
        }
    }

    public Entry entry(Category category) {
        return categories.stream().filter(e -> e.code() == category).findFirst().orElseThrow();
    }

    /** Reads the taxonomy bundled with the service. */
    public static Taxonomy bundled() {
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the classpath");
            }
            return new ObjectMapper().readValue(in, Taxonomy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
