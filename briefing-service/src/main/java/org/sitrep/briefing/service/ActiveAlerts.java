package org.sitrep.briefing.service;

import java.time.Instant;
import java.util.List;

/**
 * The early warnings that were active (raised, updated or acknowledged, not yet resolved or expired) at an instant. A
 * briefing asks for those active at the end of its period, so regenerating it later from the same data gives the same
 * list. Without a real implementation (the alerts read model) the {@link NoActiveAlerts} default answers none.
 */
public interface ActiveAlerts {

    /**
     * @param at the instant (a briefing's end)
     * @param regionCodeOrNull a catalogue code: warnings of that region and the regions within it; null: all
     */
    List<AlertSummary> activeAt(Instant at, String regionCodeOrNull);
}
