package org.sitrep.regions;

import java.util.Objects;

/**
 * One administrative division: a 6-digit code, its name, its parent's code (null for a province) and its level.
 */
public record Region(String code, String name, String parentCode, Level level) {

    public enum Level { PROVINCE, CITY, COUNTY }

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
    }
}
