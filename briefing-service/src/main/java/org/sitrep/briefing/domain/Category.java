package org.sitrep.briefing.domain;

import java.util.Optional;

/** The five risk categories of the default taxonomy, in the order briefings show them. */
public enum Category {
    POLITICAL_SECURITY("政治安全"),
    PUBLIC_ORDER("社会治安"),
    SOCIAL_CONFLICT("社会矛盾"),
    PUBLIC_SAFETY("公共安全"),
    CYBER_SECURITY("网络安全");

    /** The key of the sum over all categories in totals maps. */
    public static final String ALL = "ALL";

    public final String label;

    Category(String label) {
        this.label = label;
    }

    public static Optional<Category> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Category c : values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
