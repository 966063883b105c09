package org.sitrep.risk.severity;

/** Structured casualty figures a unit gave with its report; either may be null when not given. */
public record Casualties(Integer deaths, Integer injured) {
}
