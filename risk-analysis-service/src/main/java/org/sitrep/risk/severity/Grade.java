package org.sitrep.risk.severity;

/** The four national emergency grades; declaration order runs from the most to the least severe. */
public enum Grade {
    I("特别重大"), II("重大"), III("较大"), IV("一般");

    private final String nameZh;

    Grade(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public boolean isHigherThan(Grade other) {
        return ordinal() < other.ordinal();
    }
}
