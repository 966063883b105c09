package org.sitrep.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) inside this JVM, listening on 127.0.0.1 only.
 * The port and log directory survive {@link #stop()} so that {@link #start()} brings the same broker back with its
 * data: tests use that to take Kafka away and return it.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final String clusterId;
    private EmbeddedKafkaBroker broker;

    public EmbeddedKafka(Path logDir, boolean deleteOnClose) {
        this(FreePorts.next(), logDir, deleteOnClose);
    }

    public EmbeddedKafka(int port, Path logDir, boolean deleteOnClose) {
        this.port = port;
        this.controllerPort = FreePorts.next();
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.clusterId = clusterIdFor(logDir);
    }

    /** A broker in a fresh temporary directory that is deleted when it closes. */
    public static EmbeddedKafka temporary() {
        try {
            return new EmbeddedKafka(Files.createTempDirectory("sitrep-kafka"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized EmbeddedKafka start() {
        if (broker != null && broker.isRunning()) {
            return this;
        }
        broker = new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dirs", logDir.toString());
                    p.put("num.partitions", "3");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.replication.factor", "1");
                    p.put("offsets.topic.num.partitions", "5");
                    p.put("transaction.state.log.replication.factor", "1");
                    p.put("transaction.state.log.min.isr", "1");
                    p.put("auto.create.topics.enable", "false");
                })
                .start();
        return this;
    }

    /** Stops the broker but keeps its port and data, as an outage would. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public synchronized boolean isRunning() {
        return broker != null && broker.isRunning();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> names, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + names, e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            Directories.deleteRecursively(logDir);
        }
    }

    /** The cluster id is kept beside the log directory so that a restart finds the same cluster. */
    private static String clusterIdFor(Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path idFile = logDir.resolveSibling(logDir.getFileName() + ".cluster-id");
            if (Files.exists(idFile)) {
                return Files.readString(idFile).strip();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(idFile, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
