package org.sitrep.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.sitrep.infra.TestInfrastructure;

/**
 * The three packaged services, each in a JVM of its own, wired to the shared embedded Kafka broker and PostgreSQL
 * server, and ready (their readiness checks answered 200) when {@link #start()} returns.
 */
final class Platform implements AutoCloseable {

    final Path root;
    final ServiceProcess ingest;
    final ServiceProcess risk;
    final ServiceProcess briefing;

    private Platform(Path root, ServiceProcess ingest, ServiceProcess risk, ServiceProcess briefing) {
        this.root = root;
        this.ingest = ingest;
        this.risk = risk;
        this.briefing = briefing;
    }

    static Platform start() {
        TestInfrastructure infra = TestInfrastructure.get();
        Path root = Path.of(System.getProperty("sitrep.root.dir", ".."));
        Map<String, String> wiring = Map.of(
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(),
                "quarkus.datasource.username", infra.jdbcUser(),
                "quarkus.datasource.password", infra.jdbcPassword());
        ServiceProcess ingest = ServiceProcess.start(root, "report-ingest-service", wiring);
        ServiceProcess risk = ServiceProcess.start(root, "risk-analysis-service", wiring);
        Map<String, String> briefingWiring = new java.util.HashMap<>(wiring);
        briefingWiring.put("sitrep.risk-analysis.url", risk.url()); // the page's acknowledgements go there
        ServiceProcess briefing = ServiceProcess.start(root, "briefing-service", briefingWiring);
        Platform platform = new Platform(root, ingest, risk, briefing);
        try {
            platform.services().forEach(Platform::awaitReady);
        } catch (RuntimeException | AssertionError e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    List<ServiceProcess> services() {
        return List.of(ingest, risk, briefing);
    }

    private static void awaitReady(ServiceProcess service) {
        await("readiness of " + service.name).atMost(ServiceProcess.startupLimit()).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(service.alive()).as(service.name + " exited; see " + service.log).isTrue();
                    try {
                        return given().get(service.url() + "/q/health/ready").statusCode() == 200;
                    } catch (Exception notYet) {
                        return false;
                    }
                });
    }

    @Override
    public void close() {
        services().forEach(ServiceProcess::close);
    }
}
