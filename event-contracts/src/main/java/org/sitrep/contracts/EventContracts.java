package org.sitrep.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The event contracts as documented under {@code docs/events}: each topic's CloudEvents type and the JSON Schema of
 * its payload. Tests on the producing side check the records a service really wrote; tests on the consuming side
 * check the payloads they feed a service, so both sides are held to the same document.
 */
public final class EventContracts {

    /** A topic's contract: the CloudEvents type of its records and the schema file of their value. */
    public enum Contract {
        REPORT_RECEIVED("reports", "org.sitrep.report.received.v1", "report-received.v1.schema.json"),
        REPORT_CLASSIFIED("report-classifications", "org.sitrep.report.classified.v1", "report-classified.v1.schema.json"),
        BRIEFING_GENERATED("briefings", "org.sitrep.briefing.generated.v1", "briefing-generated.v1.schema.json"),
        /** One contract for the alert lifecycle: ce_type org.sitrep.alert.{raised,updated,acknowledged,resolved,expired}.v1. */
        RISK_ALERT("risk-alerts", "org.sitrep.alert.raised.v1", "risk-alert.v1.schema.json",
                "org.sitrep.alert.raised.v1", "org.sitrep.alert.updated.v1", "org.sitrep.alert.acknowledged.v1",
                "org.sitrep.alert.resolved.v1", "org.sitrep.alert.expired.v1");

        public final String topic;
        /** The type a sender uses by default. */
        public final String type;
        public final String schemaFile;
        /** Every ce_type the topic may carry under this contract. */
        public final java.util.Set<String> types;

        Contract(String topic, String type, String schemaFile, String... types) {
            this.topic = topic;
            this.type = type;
            this.schemaFile = schemaFile;
            this.types = types.length == 0 ? java.util.Set.of(type) : java.util.Set.of(types);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Contract, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** The docs/ folder, from the {@code sitrep.docs.dir} system property the build sets. */
    public static Path docsDir() {
        String dir = System.getProperty("sitrep.docs.dir");
        Path path = dir != null ? Path.of(dir) : Path.of("..", "docs");
        if (!Files.isDirectory(path.resolve("events"))) {
            throw new IllegalStateException("event contracts not found under " + path.toAbsolutePath());
        }
        return path;
    }

    /** Problems of a payload against the contract's schema; empty when it conforms. */
    public static List<String> violations(Contract contract, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        Set<ValidationMessage> messages = schema(contract).validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    /** Fails unless the payload conforms to the contract's schema. */
    public static void assertPayload(Contract contract, String json) {
        List<String> problems = violations(contract, json);
        if (!problems.isEmpty()) {
            throw new AssertionError(contract + " payload violates " + contract.schemaFile + ": " + problems + "\n" + json);
        }
    }

    /**
     * Fails unless the record is a CloudEvents 1.0 record in binary mode of the contract's type, keyed as documented,
     * with a payload that conforms to the schema.
     */
    public static void assertRecord(Contract contract, ConsumerRecord<String, String> record, String expectedKey) {
        if (!contract.topic.equals(record.topic())) {
            throw new AssertionError("record on " + record.topic() + ", contract is for " + contract.topic);
        }
        require(record, "ce_specversion", "1.0");
        if (!contract.types.contains(header(record, "ce_type"))) {
            throw new AssertionError("header ce_type is " + header(record, "ce_type") + ", expected one of " + contract.types);
        }
        require(record, "content-type", "application/json");
        for (String name : List.of("ce_id", "ce_source", "ce_time")) {
            if (header(record, name) == null || header(record, name).isBlank()) {
                throw new AssertionError("record lacks header " + name);
            }
        }
        Instant.parse(header(record, "ce_time"));
        if (expectedKey != null && !expectedKey.equals(record.key())) {
            throw new AssertionError("record key " + record.key() + ", expected " + expectedKey);
        }
        assertPayload(contract, record.value());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void require(ConsumerRecord<String, String> record, String name, String expected) {
        String actual = header(record, name);
        if (!expected.equals(actual)) {
            throw new AssertionError("header " + name + " is " + actual + ", expected " + expected);
        }
    }

    private static JsonSchema schema(Contract contract) {
        return SCHEMAS.computeIfAbsent(contract, c -> {
            Path file = docsDir().resolve("events").resolve(c.schemaFile);
            try {
                JsonNode schemaNode = MAPPER.readTree(Files.readString(file));
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        });
    }
}
