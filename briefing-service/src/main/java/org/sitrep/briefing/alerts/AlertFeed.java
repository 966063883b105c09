package org.sitrep.briefing.alerts;

import java.util.Map;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The live alert feed: every stored alert version, as JSON-ready views, once the transaction that stored it has
 * committed. Hot stream: a subscriber sees what is stored after it subscribed.
 */
@ApplicationScoped
public class AlertFeed {

    /** An alert version ready to push: the SSE event name (its status), id and JSON view. */
    public record Item(String name, String id, Map<String, Object> view) {
    }

    private final BroadcastProcessor<Item> processor = BroadcastProcessor.create();
    private final AlertStore store;

    public AlertFeed(AlertStore store) {
        this.store = store;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertStored stored) {
        RiskAlert a = stored.alert();
        publish(new Item(a.status().name(), a.alertId() + ":" + a.version(), a.view(store.regionNameOf(a.regionCode()))));
    }

    synchronized void publish(Item item) {
        processor.onNext(item);
    }

    /** Alerts stored from now on; a subscriber more than 256 behind is ended (a browser reconnects and reloads the list) rather than stalling the others. */
    public Multi<Item> items() {
        return processor.onOverflow().buffer(256);
    }
}
