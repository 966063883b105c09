package org.sitrep.infra;

import java.util.List;

/** The topics SitRep's services exchange, with the dead-letter topics their consumers state. */
public final class Topics {

    public static final List<String> ALL = List.of(
            "reports", "report-classifications", "risk-alerts", "briefings",
            "reports-dlq", "report-classifications-ingest-dlq", "report-classifications-briefing-dlq",
            "risk-alerts-briefing-dlq");

    private Topics() {
    }
}
