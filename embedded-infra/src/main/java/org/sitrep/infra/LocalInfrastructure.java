package org.sitrep.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Kafka and PostgreSQL for a local SitRep installation until the process is told to stop. Data lives under the
 * state directory and survives restarts. Used by {@code deploy/local/run.sh}.
 * <p>
 * Arguments: {@code <state-dir> <kafka-port> <postgres-port>}. Prints one line {@code READY kafka=… jdbc=…} once both
 * accept connections.
 */
public final class LocalInfrastructure {

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalInfrastructure <state-dir> <kafka-port> <postgres-port>");
            System.exit(2);
        }
        Path state = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(state);
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(Integer.parseInt(args[2]), state.resolve("postgres"), false);
        EmbeddedKafka kafka = new EmbeddedKafka(Integer.parseInt(args[1]), state.resolve("kafka"), false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            stopped.countDown();
        }, "sitrep-local-infrastructure-stop"));
        postgres.start();
        postgres.createDatabase(TestInfrastructure.DATABASE);
        kafka.start();
        kafka.createTopics(Topics.ALL, 3);
        System.out.println("READY kafka=" + kafka.bootstrapServers() + " jdbc=" + postgres.jdbcUrl(TestInfrastructure.DATABASE));
        System.out.flush();
        stopped.await();
    }
}
