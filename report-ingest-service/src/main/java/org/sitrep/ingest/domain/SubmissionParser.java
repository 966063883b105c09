package org.sitrep.ingest.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.sitrep.ingest.config.IngestConfig;
import org.sitrep.ingest.rest.Violation;
import org.sitrep.regions.RegionCatalogue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns request bytes into validated {@link ReportSubmission}s, or into the list of fields at fault. Every rule of the
 * submission format lives here, so that a single report and each item of a batch are judged alike.
 */
public class SubmissionParser {

    public static final Pattern UNIT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final int MAX_BODY = 20_000;
    static final int MAX_TITLE = 200;
    static final int MAX_EXTERNAL_ID = 128;
    static final int MAX_CASUALTIES = 10_000_000;
    private static final Set<String> FIELDS = Set.of("unitId", "regionCode", "occurredAt", "title", "body", "externalId",
            "declaredCategory", "location", "casualties");

    private final ObjectMapper mapper;
    private final RegionCatalogue regions;
    private final IngestConfig config;
    private final Clock clock;

    public SubmissionParser(RegionCatalogue regions, IngestConfig config, Clock clock) {
        this.regions = regions;
        this.config = config;
        this.clock = clock;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.maxNestingDepth())
                        .maxNumberLength(100)
                        .maxStringLength(config.maxBatchBytes())
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The outcome of judging one report: either a submission or the violations. */
    public record Result(ReportSubmission submission, List<Violation> violations) {
        public boolean valid() {
            return submission != null;
        }
    }

    /** Decodes the bytes as strict UTF-8 and parses one JSON document; throws with the violation otherwise. */
    public JsonNode readDocument(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDocumentException(new Violation("$", "the request body is not valid UTF-8"));
        }
        if (text.isBlank()) {
            throw new InvalidDocumentException(new Violation("$", "the request body is empty; a JSON object is required"));
        }
        try {
            return mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new InvalidDocumentException(new Violation("$", "the JSON document is nested too deeply or holds an oversized value"));
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                return throwDuplicate(message);
            }
            throw new InvalidDocumentException(new Violation("$", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new InvalidDocumentException(new Violation("$", "malformed JSON"));
        }
    }

    private static JsonNode throwDuplicate(String message) {
        int start = message.indexOf('\'');
        int end = message.lastIndexOf('\'');
        String field = start >= 0 && end > start ? message.substring(start + 1, end) : "$";
        throw new InvalidDocumentException(new Violation(field, "appears more than once"));
    }

    /** Judges one report object; {@code prefix} names its place in the request ("" or "reports[3]."). */
    public Result parse(JsonNode node, String prefix) {
        List<Violation> v = new ArrayList<>();
        if (node == null || !node.isObject()) {
            v.add(new Violation(prefix.isEmpty() ? "$" : prefix.substring(0, prefix.length() - 1), "must be a JSON object"));
            return new Result(null, v);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                v.add(new Violation(prefix + name, "is not a field of a report"));
            }
        }
        String unitId = requiredString(node, "unitId", prefix, v);
        if (unitId != null && !UNIT_ID.matcher(unitId).matches()) {
            v.add(new Violation(prefix + "unitId", "must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}"));
        }
        String regionCode = requiredString(node, "regionCode", prefix, v);
        if (regionCode != null) {
            if (!REGION_CODE.matcher(regionCode).matches()) {
                v.add(new Violation(prefix + "regionCode", "must be a 6-digit administrative-division code"));
            } else if (!regions.contains(regionCode)) {
                v.add(new Violation(prefix + "regionCode", "is not in the region catalogue"));
            }
        }
        Instant occurredAt = instant(node, "occurredAt", prefix, v);
        String title = optionalString(node, "title", prefix, v);
        if (title != null && title.codePointCount(0, title.length()) > MAX_TITLE) {
            v.add(new Violation(prefix + "title", "must have at most " + MAX_TITLE + " characters"));
        }
        String body = requiredString(node, "body", prefix, v);
        if (body != null) {
            int length = body.codePointCount(0, body.length());
            if (body.isBlank()) {
                v.add(new Violation(prefix + "body", "must not be blank"));
            } else if (length > MAX_BODY) {
                v.add(new Violation(prefix + "body", "must have at most " + MAX_BODY + " characters"));
            }
        }
        String externalId = optionalString(node, "externalId", prefix, v);
        if (externalId != null && (externalId.isBlank() || externalId.length() > MAX_EXTERNAL_ID)) {
            v.add(new Violation(prefix + "externalId", "must have 1 to " + MAX_EXTERNAL_ID + " characters"));
        }
        String declared = optionalString(node, "declaredCategory", prefix, v);
        if (declared != null && !Category.CODES.contains(declared)) {
            v.add(new Violation(prefix + "declaredCategory", "must be one of " + Category.CODES));
        }
        ReportSubmission.Location location = location(node.get("location"), prefix, v);
        ReportSubmission.Casualties casualties = casualties(node.get("casualties"), prefix, v);
        if (!v.isEmpty()) {
            return new Result(null, v);
        }
        return new Result(new ReportSubmission(unitId, regionCode, occurredAt, title, body, externalId, declared, location,
                casualties), List.of());
    }

    private Instant instant(JsonNode node, String field, String prefix, List<Violation> v) {
        String text = requiredString(node, field, prefix, v);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            v.add(new Violation(prefix + field, "must be an ISO-8601 instant with offset, e.g. 2026-11-24T08:30:00+08:00"));
            return null;
        }
        if (instant.isBefore(EARLIEST)) {
            v.add(new Violation(prefix + field, "must not be before 2000-01-01"));
        } else if (instant.isAfter(clock.instant().plus(config.futureTolerance()))) {
            v.add(new Violation(prefix + field, "must not lie more than " + config.futureTolerance().toMinutes()
                    + " minutes in the future"));
        }
        return instant;
    }

    private static String requiredString(JsonNode node, String field, String prefix, List<Violation> v) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            v.add(new Violation(prefix + field, "is required"));
            return null;
        }
        return text(value, field, prefix, v);
    }

    private static String optionalString(JsonNode node, String field, String prefix, List<Violation> v) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return text(value, field, prefix, v);
    }

    private static String text(JsonNode value, String field, String prefix, List<Violation> v) {
        if (!value.isTextual()) {
            v.add(new Violation(prefix + field, "must be a string"));
            return null;
        }
        String text = value.textValue();
        if (!storable(text)) {
            v.add(new Violation(prefix + field, "must not contain NUL characters or unpaired surrogates"));
            return null;
        }
        return text;
    }

    /** PostgreSQL text holds neither NUL nor unpaired UTF-16 surrogates. */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static ReportSubmission.Location location(JsonNode node, String prefix, List<Violation> v) {
        if (node == null || node.isNull()) {
            return null;
        }
        String path = prefix + "location";
        if (!node.isObject()) {
            v.add(new Violation(path, "must be an object {lat, lon}"));
            return null;
        }
        unknownFields(node, Set.of("lat", "lon"), path, v);
        Double lat = coordinate(node.get("lat"), path + ".lat", 90, v);
        Double lon = coordinate(node.get("lon"), path + ".lon", 180, v);
        return lat == null || lon == null ? null : new ReportSubmission.Location(lat, lon);
    }

    private static Double coordinate(JsonNode value, String path, double limit, List<Violation> v) {
        if (value == null || value.isNull()) {
            v.add(new Violation(path, "is required"));
            return null;
        }
        if (!value.isNumber()) {
            v.add(new Violation(path, "must be a number"));
            return null;
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d) || d < -limit || d > limit) {
            v.add(new Violation(path, "must lie between " + -limit + " and " + limit));
            return null;
        }
        return d;
    }

    private static ReportSubmission.Casualties casualties(JsonNode node, String prefix, List<Violation> v) {
        if (node == null || node.isNull()) {
            return null;
        }
        String path = prefix + "casualties";
        if (!node.isObject()) {
            v.add(new Violation(path, "must be an object {deaths, injured}"));
            return null;
        }
        unknownFields(node, Set.of("deaths", "injured"), path, v);
        Integer deaths = count(node.get("deaths"), path + ".deaths", v);
        Integer injured = count(node.get("injured"), path + ".injured", v);
        return new ReportSubmission.Casualties(deaths, injured);
    }

    private static Integer count(JsonNode value, String path, List<Violation> v) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0 || value.intValue() > MAX_CASUALTIES) {
            v.add(new Violation(path, "must be a non-negative integer"));
            return null;
        }
        return value.intValue();
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String path, List<Violation> v) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                v.add(new Violation(path + "." + name, "is not a field of " + path));
            }
        }
    }

    /** A request body that is not a usable JSON document at all. */
    public static class InvalidDocumentException extends RuntimeException {
        private final Violation violation;

        public InvalidDocumentException(Violation violation) {
            super(violation.message(), null, false, false);
            this.violation = violation;
        }

        public Violation violation() {
            return violation;
        }
    }
}
