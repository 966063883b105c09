package org.sitrep.risk.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.sitrep.messaging.CloudEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Two reports of one incident applied at the same moment (two replicas, or two partitions): the second waits for the
 * first's transaction and joins its incident, instead of missing the uncommitted first report and starting another.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class ConcurrentLinkingTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String BODY = "据紫阳县应急管理局报告，受连续强降雨影响，蒿坪镇金川村三组后山发生山体滑坡，掩埋民房两间，"
            + "造成1人受伤，已转移群众36人。目前救援工作正在进行，后续情况续报。";

    @Inject
    ReportClassifier classifier;
    @Inject
    EntityManager em;

    static CloudEvent received(UUID reportId, String unitId, Instant occurredAt, String title) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reportId", reportId.toString());
        n.put("unitId", unitId);
        n.put("regionCode", "610924");
        n.put("occurredAt", occurredAt.toString());
        n.put("receivedAt", occurredAt.plusSeconds(600).toString());
        n.put("title", title);
        n.put("body", BODY);
        return new CloudEvent(UUID.randomUUID().toString(), "org.sitrep.report.received.v1", "/sitrep/test", Instant.now(),
                reportId.toString(), reportId.toString(), n.toString());
    }

    long advisoryLockWaiters() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted").getSingleResult()).longValue());
    }

    UUID incidentOf(UUID reportId) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery(
                "select incident_id from report_classification where report_id = ?1").setParameter(1, reportId)
                .getSingleResult());
    }

    @Test
    void theSecondOfTwoSimultaneousReportsWaitsForTheFirstAndJoinsItsIncident() throws Exception {
        Instant at = Instant.parse("2001-01-01T02:00:00Z").plus(ThreadLocalRandom.current().nextLong(0, 7300), ChronoUnit.DAYS);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                classifier.apply(received(first, "ziyang-yjj", at, "蒿坪镇山体滑坡"));
                firstApplied.countDown();
                try {
                    releaseFirst.await(60, TimeUnit.SECONDS); // the first transaction stays open
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(firstApplied.await(60, TimeUnit.SECONDS)).isTrue();
            Future<?> b = pool.submit(() -> QuarkusTransaction.requiringNew().run(() ->
                    classifier.apply(received(second, "ziyang-gaj", at.plusSeconds(900), "蒿坪镇金川村滑坡掩埋民房"))));
            await("the second report waiting for the area's lock").atMost(Duration.ofSeconds(30))
                    .until(() -> advisoryLockWaiters() >= 1);
            assertThat(b.isDone()).as("linked while the first report was uncommitted").isFalse();
            releaseFirst.countDown();
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            releaseFirst.countDown();
            pool.shutdownNow();
        }
        assertThat(incidentOf(second)).isEqualTo(incidentOf(first));
    }
}
