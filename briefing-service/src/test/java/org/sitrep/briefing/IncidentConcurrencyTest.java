package org.sitrep.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.briefing.ServiceTestSupport.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sitrep.briefing.messaging.ReportClassified;
import org.sitrep.briefing.service.ReadModel;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Two replicas applying two reports of one incident at the same time: neither report is lost from the incident. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class IncidentConcurrencyTest {

    @Inject
    ReadModel readModel;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Test
    void secondReportOfAnIncidentWaitsForTheFirstTransactionAndCountsBoth() throws Exception {
        String incident = UUID.randomUUID().toString();
        Instant at = Classifications.freshWindow().plus(Duration.ofHours(5));
        ReportClassified first = ReportClassified.parse(mapper,
                Classifications.report().incident(incident).region("610929").at(at).json());
        // another situation cell, so that the second transaction does not wait on the first one's aggregate row
        ReportClassified second = ReportClassified.parse(mapper, Classifications.report().incident(incident)
                .region("610929").category("PUBLIC_SAFETY").at(at.plus(Duration.ofHours(2))).json());

        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            readModel.apply(first);
            firstApplied.countDown();
            try {
                assertThat(commitFirst.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        assertThat(firstApplied.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> b = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> readModel.apply(second)));
        try {
            await().until(() -> waitingOnIncidentLock() == 1);
            assertThat(b).isNotDone();
        } finally {
            commitFirst.countDown();
        }
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);

        assertThat(reportCount(UUID.fromString(incident))).isEqualTo(2);
    }

    private long waitingOnIncidentLock() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                     + "and wait_event = 'advisory' and query like '%pg_advisory_xact_lock(%hashtext%'")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int reportCount(UUID incidentId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select report_count from incident where incident_id = ?")) {
            ps.setObject(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
