package org.sitrep.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes outbox rows to Kafka in the order they were written: CloudEvents 1.0 in binary mode (the {@code ce_*}
 * headers, JSON value), an idempotent producer with {@code acks=all}. A batch is marked published only after the
 * broker acknowledged every record of it; when Kafka is away the rows stay and the next tick tries again, so a
 * submission PostgreSQL accepted is never lost. Delivery is at least once: consumers drop repeats by {@code ce_id}.
 * <p>
 * One relay per database schema runs at a time (a transaction-scoped advisory lock), which keeps the per-key order
 * when several replicas run.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private volatile Producer<String, String> producer;
    private volatile boolean failing;

    public OutboxRelay(DataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("sitrep.outbox.published").description("Outbox events published to Kafka")
                .register(registry);
        this.failures = Counter.builder("sitrep.outbox.failures").description("Outbox batches that failed to publish")
                .register(registry);
        registry.gauge("sitrep.outbox.pending", pending);
    }

    @Scheduled(every = "${sitrep.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "sitrep-outbox-relay")
    void tick() {
        if (!config.relayEnabled()) {
            return;
        }
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (sent == config.batchSize());
            if (failing) {
                LOG.info("outbox relay publishes again");
                failing = false;
            }
        } catch (RuntimeException e) {
            failures.increment();
            resetProducer();
            refreshPending();
            if (!failing) {
                LOG.warnf("outbox relay cannot publish, will retry: %s", rootMessage(e));
                failing = true;
            }
        }
    }

    /** Keeps the pending gauge true while publishing fails (the batch transaction rolled back). */
    private void refreshPending() {
        try (Connection c = dataSource.getConnection()) {
            pending.set(countPending(c));
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("cannot count pending outbox rows: %s", e.getMessage());
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!tryLock(c)) {
                    return 0;
                }
                List<Row> rows = pendingRows(c);
                if (!rows.isEmpty()) {
                    send(rows);
                    markPublished(c, rows);
                    published.increment(rows.size());
                }
                pending.set(countPending(c));
                return rows.size();
            }
        });
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deletePublished() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "delete from outbox_event where published_at is not null and published_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now().minus(config.retention())));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void close(@Observes ShutdownEvent event) {
        resetProducer();
    }

    /** Drops the producer after a failure: the next batch starts with a fresh connection and producer epoch. */
    private synchronized void resetProducer() {
        Producer<String, String> p = producer;
        producer = null;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(1));
        }
    }

    private boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtext(current_schema() || ':sitrep-outbox-relay'))");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private List<Row> pendingRows(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select seq, id, topic, record_key, ce_type, ce_subject, ce_time, payload from outbox_event "
                        + "where published_at is null order by seq limit ? for update")) {
            ps.setInt(1, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
                }
            }
        }
        return rows;
    }

    private void send(List<Row> rows) throws Exception {
        Producer<String, String> p = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(p.send(toRecord(row)));
        }
        p.flush();
        // wait past the producer's own delivery timeout, so every send has ended (acknowledged or failed) before the
        // batch is judged: giving up earlier while a send is still retrying would publish it a second time
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(deliveryTimeoutMs() + 5_000);
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.id());
        header(record, "ce_type", row.type());
        header(record, "ce_source", config.source());
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.time()));
        if (row.subject() != null) {
            header(record, "ce_subject", row.subject());
        }
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void markPublished(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox_event set published_at = now() where seq = any (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", rows.stream().map(Row::seq).toArray()));
            ps.executeUpdate();
        }
    }

    private long countPending(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from outbox_event where published_at is null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> props = new HashMap<>();
                    kafkaConfig.forEach((k, v) -> {
                        if (ProducerConfig.configNames().contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")
                                || k.equals("security.protocol")) {
                            props.put(k, v);
                        }
                    });
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs());
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
                    producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private int deliveryTimeoutMs() {
        return (int) Math.max(10_000, config.sendTimeout().toMillis());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    record Row(long seq, String id, String topic, String key, String type, String subject, Instant time, String payload) {
    }
}
