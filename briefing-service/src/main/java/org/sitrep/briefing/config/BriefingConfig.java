package org.sitrep.briefing.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the briefings ({@code sitrep.briefing.*}). */
@ConfigMapping(prefix = "sitrep.briefing")
public interface BriefingConfig {

    /** The office's zone: the daily briefing covers its calendar day, HTML shows times in it. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Daily daily();

    /** How many reports a briefing lists as the most severe. */
    @WithDefault("10")
    int mostSevereLimit();

    /** The longest period a situation query or briefing may cover. */
    @WithDefault("P366D")
    Duration maxRange();

    interface Daily {
        /** When the daily briefing is generated (Quartz-style cron, in {@code sitrep.briefing.zone}). */
        @WithDefault("0 0 8 * * ?")
        String cron();
    }
}
