package org.sitrep.briefing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.sitrep.briefing.config.BriefingConfig;
import org.sitrep.briefing.domain.Category;
import org.sitrep.briefing.domain.Period;
import org.sitrep.regions.RegionCatalogue;

import jakarta.enterprise.context.ApplicationScoped;

/** Parses and checks the parameters shared by the situation and briefing endpoints. */
@ApplicationScoped
public class RequestParams {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 200;

    private final Clock clock;
    private final BriefingConfig config;
    private final RegionCatalogue catalogue;

    public RequestParams(Clock clock, BriefingConfig config, RegionCatalogue catalogue) {
        this.clock = clock;
        this.config = config;
        this.catalogue = catalogue;
    }

    /** Rejects query parameters the endpoint does not know, so a misspelt filter is not silently ignored. */
    public void onlyKnown(Set<String> given, Set<String> known) {
        List<InvalidRequestException.Violation> unknown = given.stream().filter(p -> !known.contains(p)).sorted()
                .map(p -> new InvalidRequestException.Violation(p, "unknown parameter; known are " + new TreeSet<>(known)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
    }

    /** A period from optional RFC 3339 instants: {@code to} defaults to now, {@code from} to 24 hours before {@code to}. */
    public Period period(String from, String to) {
        List<InvalidRequestException.Violation> violations = new ArrayList<>();
        Instant t = parse("to", to, violations);
        Instant f = parse("from", from, violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        if (t == null) {
            t = clock.instant();
        }
        if (f == null) {
            f = t.minus(Duration.ofHours(24));
        }
        if (!f.isBefore(t)) {
            throw InvalidRequestException.of("from", "must be before to");
        }
        if (Duration.between(f, t).compareTo(config.maxRange()) > 0) {
            throw InvalidRequestException.of("to", "the period must not be longer than " + config.maxRange().toDays() + " days");
        }
        return new Period(f, t);
    }

    /** The region scope: {@code regionCode}, or its alias {@code region}; null for everything. */
    public String region(String regionCode, String region) {
        if (regionCode != null && region != null && !regionCode.equals(region)) {
            throw InvalidRequestException.of("region", "differs from regionCode; give one of them");
        }
        String field = regionCode != null ? "regionCode" : "region";
        String code = regionCode != null ? regionCode : region;
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!catalogue.contains(code)) {
            throw InvalidRequestException.of(field, "unknown region code " + code);
        }
        return code;
    }

    public Category category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        return Category.parse(category).orElseThrow(() -> InvalidRequestException.of("category",
                "must be one of POLITICAL_SECURITY, PUBLIC_ORDER, SOCIAL_CONFLICT, PUBLIC_SAFETY, CYBER_SECURITY"));
    }

    /** A unit filter: absent or blank means every unit; at most 200 characters. */
    public String unitId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw InvalidRequestException.of("unitId", "must not be longer than 200 characters");
        }
        return value;
    }

    /** The narrative's language: {@code zh} or {@code en}; absent: the configured default. */
    public String language(String value) {
        if (value == null || value.isBlank()) {
            return config.language();
        }
        if (!NarrativeGenerator.LANGUAGES.contains(value)) {
            throw InvalidRequestException.of("language", "must be one of " + NarrativeGenerator.LANGUAGES);
        }
        return value;
    }

    public int page(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        int page = integer("page", value);
        if (page < 0) {
            throw InvalidRequestException.of("page", "must be 0 or more");
        }
        return page;
    }

    public int size(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        int size = integer("size", value);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidRequestException.of("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return size;
    }

    private static int integer(String field, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of(field, "must be an integer");
        }
    }

    private static Instant parse(String field, String value, List<InvalidRequestException.Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(value.trim());
            if (t.getYear() < 1900 || t.getYear() > 9999) {
                violations.add(new InvalidRequestException.Violation(field, "must lie between the years 1900 and 9999"));
                return null;
            }
            return t.toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new InvalidRequestException.Violation(field,
                    "not an RFC 3339 date-time with offset, e.g. 2026-11-24T08:00:00+08:00"));
            return null;
        }
    }
}
