package org.sitrep.briefing.alerts;

/**
 * Fired (synchronously, inside the consumer's transaction) when a version of an alert has been stored; observers that
 * push it to browsers listen with {@code TransactionPhase.AFTER_SUCCESS}, so nothing is pushed that was rolled back.
 */
public record AlertStored(RiskAlert alert) {
}
