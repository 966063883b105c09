package org.sitrep.briefing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sitrep.infra.KafkaAndPostgresTestResource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A briefing's queries read one snapshot: what commits while it is being built is not in it. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresTestResource.class)
class BriefingSnapshotTest {

    @Inject
    BriefingService briefings;
    @Inject
    EntityManager em;

    long processedEvents() {
        return ((Number) em.createNativeQuery("select count(*) from processed_event where consumer = 'snapshot-test'").getSingleResult()).longValue();
    }

    @Test
    void aBriefingIsReadFromOneReadOnlySnapshotThatLaterCommitsDoNotChange() {
        List<Object> seen = QuarkusTransaction.requiringNew().call(() -> briefings.inOneSnapshot(() -> {
            Object level = em.createNativeQuery("show transaction_isolation").getSingleResult();
            Object readOnly = em.createNativeQuery("show transaction_read_only").getSingleResult();
            long before = processedEvents();
            // another transaction commits while the briefing is being read
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "insert into processed_event (consumer, event_id) values ('snapshot-test', ?1)")
                    .setParameter(1, UUID.randomUUID().toString()).executeUpdate());
            long after = processedEvents();
            return List.of(level, readOnly, before, after);
        }));
        assertThat(seen.get(0)).isEqualTo("repeatable read");
        assertThat(seen.get(1)).isEqualTo("on");
        assertThat(seen.get(3)).as("rows seen after the other commit").isEqualTo(seen.get(2));
        // outside the snapshot the committed row is there
        long now = QuarkusTransaction.requiringNew().call(this::processedEvents);
        assertThat(now).isEqualTo((Long) seen.get(2) + 1);
    }
}
