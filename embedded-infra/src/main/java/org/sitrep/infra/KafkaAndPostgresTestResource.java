package org.sitrep.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker and a real PostgreSQL database (see {@link TestInfrastructure}).
 * Both are shared by every test class of the JVM and stopped when it exits, which keeps a service's suite to one
 * start of each.
 */
public class KafkaAndPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        return Map.of(
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(),
                "quarkus.datasource.username", infra.jdbcUser(),
                "quarkus.datasource.password", infra.jdbcPassword());
    }

    @Override
    public void stop() {
        // shared for the whole JVM; TestInfrastructure stops both servers when the JVM exits
    }
}
