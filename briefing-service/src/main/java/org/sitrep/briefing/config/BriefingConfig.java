package org.sitrep.briefing.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the briefings ({@code sitrep.briefing.*}). */
@ConfigMapping(prefix = "sitrep.briefing")
public interface BriefingConfig {

    /** The office's zone: the daily and weekly briefings cover its calendar days, HTML shows times in it. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Daily daily();

    Weekly weekly();

    /** How many reports a briefing lists as the most severe. */
    @WithDefault("10")
    int mostSevereLimit();

    /** The longest period a situation query or briefing may cover. */
    @WithDefault("P366D")
    Duration maxRange();

    /** A unit whose median delay between occurredAt and receivedAt exceeds this is named in the briefing. */
    @WithDefault("PT2H")
    Duration timelinessLimit();

    /** The language of the narrative summary when a request names none: {@code zh} or {@code en}. */
    @WithDefault("zh")
    String language();

    Pdf pdf();

    interface Daily {
        /** When the daily briefing is generated (Quartz-style cron, in {@code sitrep.briefing.zone}). */
        @WithDefault("0 0 8 * * ?")
        String cron();
    }

    interface Weekly {
        /** When the weekly briefing (previous Monday 00:00 to this Monday 00:00) is generated. */
        @WithDefault("0 0 8 ? * MON")
        String cron();
    }

    interface Pdf {
        /**
         * A TrueType font (or collection) with Chinese glyphs embedded into PDF briefings; absent: the usual places of
         * Debian's fonts-wqy-microhei / fonts-wqy-zenhei packages are searched.
         */
        Optional<String> font();
    }
}
