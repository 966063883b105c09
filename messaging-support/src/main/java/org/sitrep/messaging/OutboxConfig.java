package org.sitrep.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox and its relay ({@code sitrep.outbox.*}). */
@ConfigMapping(prefix = "sitrep.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code /sitrep/report-ingest-service}. */
    String source();

    /** Rows the relay publishes per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the producer keeps trying to deliver a batch (its delivery timeout, at least 10 s) before the relay
     *  gives up and tries the batch again later. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long published rows are kept before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** Whether this instance runs the relay at all. */
    @WithDefault("true")
    boolean relayEnabled();
}
