package org.sitrep.ingest.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.sitrep.ingest.messaging.ReportReceived;
import org.sitrep.ingest.persistence.ReportEntity;
import org.sitrep.ingest.rest.Problem;
import org.sitrep.ingest.rest.ProblemException;
import org.sitrep.ingest.rest.Violation;
import org.sitrep.messaging.Outbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Stores submitted reports exactly once and announces each through the outbox in the same transaction.
 * <p>
 * A retry is recognised by the unit's {@code Idempotency-Key} or by the unit's own {@code externalId}: it returns the
 * report stored first and creates nothing. The unique constraints on both make concurrent identical submissions end
 * as one report: the losing insert does nothing and finds the winner's row.
 */
@ApplicationScoped
public class ReportService {

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry metrics;

    public ReportService(DataSource dataSource, Outbox outbox, Clock clock, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The stored report and whether this call created it (false for a retry). */
    public record Outcome(ReportEntity report, boolean created) {
    }

    @Transactional
    public Outcome submit(ReportSubmission submission, String idempotencyKey) {
        String hash = submission.contentHash();
        Optional<Outcome> earlier = earlier(submission, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UUID id = UUID.randomUUID();
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!insert(id, receivedAt, submission, idempotencyKey, hash)) {
            // a concurrent submission with the same key committed first
            return earlier(submission, idempotencyKey, hash)
                    .orElseThrow(() -> new IllegalStateException("insert conflicted but no earlier report found"));
        }
        outbox.add(ReportReceived.TOPIC, id.toString(), ReportReceived.TYPE, id.toString(), receivedAt,
                ReportReceived.of(id, receivedAt, submission));
        metrics.counter("sitrep.reports.submitted", "outcome", "created").increment();
        return new Outcome(ReportEntity.findById(id), true);
    }

    private Optional<Outcome> earlier(ReportSubmission submission, String idempotencyKey, String hash) {
        if (idempotencyKey != null) {
            Optional<ReportEntity> byKey = ReportEntity.<ReportEntity>find("unitId = ?1 and idempotencyKey = ?2",
                    submission.unitId(), idempotencyKey).firstResultOptional();
            if (byKey.isPresent()) {
                return Optional.of(replay(byKey.get(), hash, 422, "idempotency-key-reused",
                        "The Idempotency-Key was used for a different report",
                        new Violation("Idempotency-Key", "was already used by this unit for report " + byKey.get().id
                                + " with different content")));
            }
        }
        if (submission.externalId() != null) {
            Optional<ReportEntity> byExternalId = ReportEntity.<ReportEntity>find("unitId = ?1 and externalId = ?2",
                    submission.unitId(), submission.externalId()).firstResultOptional();
            if (byExternalId.isPresent()) {
                return Optional.of(replay(byExternalId.get(), hash, 409, "external-id-conflict",
                        "The unit already submitted a different report with this externalId",
                        new Violation("externalId", "belongs to report " + byExternalId.get().id + " with different content")));
            }
        }
        return Optional.empty();
    }

    private Outcome replay(ReportEntity existing, String hash, int status, String slug, String title, Violation violation) {
        if (!existing.payloadHash.equals(hash)) {
            metrics.counter("sitrep.reports.submitted", "outcome", "conflict").increment();
            throw new ProblemException(Problem.of(status, slug, title, violation.message(), List.of(violation)));
        }
        metrics.counter("sitrep.reports.submitted", "outcome", "replayed").increment();
        return new Outcome(existing, false);
    }

    private boolean insert(UUID id, Instant receivedAt, ReportSubmission s, String idempotencyKey, String hash) {
        String sql = "insert into report (id, unit_id, region_code, occurred_at, received_at, title, body, external_id, "
                + "idempotency_key, payload_hash, declared_category, latitude, longitude, deaths, injured, status) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED') on conflict do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setObject(i++, id);
            ps.setString(i++, s.unitId());
            ps.setString(i++, s.regionCode());
            ps.setTimestamp(i++, Timestamp.from(s.occurredAt()));
            ps.setTimestamp(i++, Timestamp.from(receivedAt));
            ps.setString(i++, s.title());
            ps.setString(i++, s.body());
            ps.setString(i++, s.externalId());
            ps.setString(i++, idempotencyKey);
            ps.setString(i++, hash);
            ps.setString(i++, s.declaredCategory());
            setDouble(ps, i++, s.location() == null ? null : s.location().lat());
            setDouble(ps, i++, s.location() == null ? null : s.location().lon());
            setInt(ps, i++, s.casualties() == null ? null : s.casualties().deaths());
            setInt(ps, i, s.casualties() == null ? null : s.casualties().injured());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store report", e);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
