package org.sitrep.briefing.domain;

import java.util.Optional;

/** The four national emergency grades; I is the gravest. */
public enum Severity {
    I("特别重大"), II("重大"), III("较大"), IV("一般");

    public final String label;

    Severity(String label) {
        this.label = label;
    }

    public static Optional<Severity> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.name().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** 1 for I … 4 for IV: ascending rank puts the gravest first. */
    public int rank() {
        return ordinal() + 1;
    }
}
