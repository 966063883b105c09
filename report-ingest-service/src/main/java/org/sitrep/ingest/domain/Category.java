package org.sitrep.ingest.domain;

import java.util.Arrays;
import java.util.List;

/** The five risk categories of the default taxonomy, as codes. */
public enum Category {
    POLITICAL_SECURITY, PUBLIC_ORDER, SOCIAL_CONFLICT, PUBLIC_SAFETY, CYBER_SECURITY;

    public static final List<String> CODES = Arrays.stream(values()).map(Enum::name).toList();
}
