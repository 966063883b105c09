package org.sitrep.messaging;

/**
 * A record that can never be processed as it is (not a CloudEvent, not JSON, not the expected shape). It goes to the
 * consumer's dead-letter topic with this message as the reason; retrying it would not help.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
