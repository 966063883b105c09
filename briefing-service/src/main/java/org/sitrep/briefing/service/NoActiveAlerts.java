package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.List;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Until a bean backed by the alerts read model exists, briefings show no active warnings. */
@DefaultBean
@ApplicationScoped
public class NoActiveAlerts implements ActiveAlerts {

    @Override
    public List<AlertSummary> activeAt(Instant at, String regionCodeOrNull) {
        return List.of();
    }
}
