package org.sitrep.risk.classification;

/** The five risk categories; their codes are fixed by the event contracts, their names and definitions by the taxonomy. */
public enum Category {
    POLITICAL_SECURITY, PUBLIC_ORDER, SOCIAL_CONFLICT, PUBLIC_SAFETY, CYBER_SECURITY;

    private static final Category[] VALUES = values();

    public static int count() {
        return VALUES.length;
    }

    public static Category of(int ordinal) {
        return VALUES[ordinal];
    }
}
