package org.sitrep.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Records an event to be published, in the caller's transaction: the event exists exactly when the state change it
 * announces was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public Outbox(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * @param topic   the Kafka topic
     * @param key     the record key (orders the events of one entity)
     * @param type    the CloudEvents type, e.g. {@code org.sitrep.report.received.v1}
     * @param subject the CloudEvents subject, usually the entity id
     * @param time    when the announced change happened
     * @param payload serialised as the JSON value of the record
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String subject, Instant time, Object payload) {
        UUID id = UUID.randomUUID();
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON", e);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into outbox_event (id, topic, record_key, ce_type, ce_subject, ce_time, payload) "
                             + "values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, topic);
            ps.setString(3, key);
            ps.setString(4, type);
            ps.setString(5, subject);
            ps.setTimestamp(6, Timestamp.from(time));
            ps.setString(7, json);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record outgoing event", e);
        }
        return id;
    }
}
