package org.sitrep.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The CloudEvents 1.0 attributes of a Kafka record in binary mode, with its JSON payload. */
public record CloudEvent(String id, String type, String source, Instant time, String subject, String key, String data) {

    /** Reads the {@code ce_*} headers of a record; a record without them is poison. */
    public static CloudEvent of(ConsumerRecord<String, String> record) {
        String specVersion = header(record, "ce_specversion");
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        String source = header(record, "ce_source");
        if (!"1.0".equals(specVersion) || id == null || type == null || source == null) {
            throw new PoisonEventException("not a CloudEvents 1.0 record in binary mode (ce_specversion, ce_id, ce_type, ce_source required)");
        }
        String timeHeader = header(record, "ce_time");
        Instant time;
        try {
            time = timeHeader == null ? null : Instant.parse(timeHeader);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp: " + timeHeader, e);
        }
        if (record.value() == null) {
            throw new PoisonEventException("record " + id + " has no payload");
        }
        return new CloudEvent(id, type, source, time, header(record, "ce_subject"), record.key(), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
