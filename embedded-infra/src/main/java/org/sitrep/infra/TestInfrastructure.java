package org.sitrep.infra;

import java.util.Optional;

/**
 * The Kafka broker and PostgreSQL server shared by all tests of one JVM: started on first use on free loopback ports,
 * stopped by a shutdown hook when the JVM ends.
 * <p>
 * People who already run them can point the tests elsewhere: {@code SITREP_TEST_KAFKA_BOOTSTRAP_SERVERS} and
 * {@code SITREP_TEST_JDBC_URL} (with {@code SITREP_TEST_JDBC_USER}, {@code SITREP_TEST_JDBC_PASSWORD}). Tests that
 * need to stop the broker or the database are skipped then, since only embedded servers can be taken away.
 */
public final class TestInfrastructure {

    public static final String DATABASE = "sitrep";

    private static TestInfrastructure instance;

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final String bootstrapServers;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;

    private TestInfrastructure() {
        String externalKafka = System.getenv("SITREP_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (externalKafka != null && !externalKafka.isBlank()) {
            kafka = null;
            bootstrapServers = externalKafka;
        } else {
            kafka = EmbeddedKafka.temporary().start();
            bootstrapServers = kafka.bootstrapServers();
            kafka.createTopics(Topics.ALL, 3);
        }
        String externalJdbc = System.getenv("SITREP_TEST_JDBC_URL");
        if (externalJdbc != null && !externalJdbc.isBlank()) {
            postgres = null;
            jdbcUrl = externalJdbc;
            jdbcUser = Optional.ofNullable(System.getenv("SITREP_TEST_JDBC_USER")).orElse("postgres");
            jdbcPassword = Optional.ofNullable(System.getenv("SITREP_TEST_JDBC_PASSWORD")).orElse("postgres");
        } else {
            postgres = EmbeddedPostgresServer.temporary().start();
            postgres.createDatabase(DATABASE);
            jdbcUrl = postgres.jdbcUrl(DATABASE);
            jdbcUser = EmbeddedPostgresServer.USER;
            jdbcPassword = EmbeddedPostgresServer.PASSWORD;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sitrep-test-infrastructure-stop"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = new TestInfrastructure();
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String jdbcUser() {
        return jdbcUser;
    }

    public String jdbcPassword() {
        return jdbcPassword;
    }

    /** The embedded broker, when the tests started one (not when they use an existing Kafka). */
    public Optional<EmbeddedKafka> embeddedKafka() {
        return Optional.ofNullable(kafka);
    }

    /** The embedded database server, when the tests started one. */
    public Optional<EmbeddedPostgresServer> embeddedPostgres() {
        return Optional.ofNullable(postgres);
    }

    private void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
