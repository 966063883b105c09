package org.sitrep.briefing.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.briefing.ServiceTestSupport.await;
import static org.sitrep.briefing.ServiceTestSupport.processed;
import static org.sitrep.briefing.ServiceTestSupport.sender;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sitrep.briefing.service.AlertSummary;
import org.sitrep.contracts.EventContracts.Contract;
import org.sitrep.infra.KafkaAndPostgresTestResource;
import org.sitrep.regions.RegionCatalogue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class StoredActiveAlertsTest {

    @Inject
    RegionCatalogue catalogue;

    @Inject
    DataSource dataSource;

    static String send(Alerts.Builder a) {
        return sender().send(Contract.RISK_ALERT, a.ceType(), a.regionCode, a.json());
    }

    /** Built directly: the tests' FakeActiveAlerts alternative stands in for it as the CDI bean. */
    List<AlertSummary> activeAt(Instant at, String region) {
        StoredActiveAlerts stored = new StoredActiveAlerts(catalogue);
        return QuarkusTransaction.requiringNew().call(() -> stored.activeAt(at, region));
    }

    List<UUID> activeIds(Instant at, String region) {
        return activeAt(at, region).stream().map(AlertSummary::alertId).toList();
    }

    @Test
    void theAlertsActiveAtAnInstantAreReadFromTheAlertTable() {
        // a window of its own, far from other tests' alerts
        Instant raised = Instant.parse("2012-03-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextLong(0, 3000), ChronoUnit.DAYS);
        Alerts.Builder alert = Alerts.alert().region("610924").raisedAt(raised).expiresAt(raised.plus(Duration.ofDays(3)));
        String first = send(alert);
        await().until(() -> processed(dataSource, first));
        UUID id = UUID.fromString(alert.alertId);

        assertThat(activeIds(raised.minusSeconds(1), null)).doesNotContain(id);
        assertThat(activeIds(raised.plus(Duration.ofHours(1)), "610900")).contains(id);
        assertThat(activeIds(raised.plus(Duration.ofHours(1)), "610700")).doesNotContain(id);
        assertThat(activeIds(raised.plus(Duration.ofDays(4)), null)).doesNotContain(id);

        // resolved 90 s after it was raised (see Alerts.Builder): active before, not after
        String resolved = send(alert.version(2).status("RESOLVED"));
        await().until(() -> processed(dataSource, resolved));
        assertThat(activeAt(raised.plusSeconds(60), null)).filteredOn(a -> a.alertId().equals(id))
                .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("RAISED"));
        assertThat(activeIds(raised.plusSeconds(120), null)).doesNotContain(id);
    }
}
