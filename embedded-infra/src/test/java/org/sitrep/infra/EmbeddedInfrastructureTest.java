package org.sitrep.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureTest {

    @Test
    void kafkaKeepsARecordAcrossABrokerRestartOnTheSamePort() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.temporary().start()) {
            kafka.createTopics(List.of("probe"), 1);
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "v")).get();
            }
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();

            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 30 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofSeconds(1));
                }
                assertThat(records.count()).isEqualTo(1);
                assertThat(records.iterator().next().value()).isEqualTo("v");
            }
        }
    }

    @Test
    void postgresKeepsItsDataAcrossARestartOnTheSamePort() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.temporary().start()) {
            pg.createDatabase("probe");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("probe"), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                s.execute("create table t(x int)");
                s.execute("insert into t values (42)");
            }
            pg.stop();
            pg.start();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("probe"), "postgres", "postgres");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select x from t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(c.getMetaData().getURL()).contains("127.0.0.1");
            }
        }
    }
}
