package org.sitrep.risk.warning;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Early warnings ({@code sitrep.warning.*}); the defaults are the configuration tuned in docs/early-warning.md. */
@ConfigMapping(prefix = "sitrep.warning")
public interface WarningConfig {

    /** The office zone whose calendar days are tested. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Spike alarm when the upper-tail probability is below this. */
    @WithDefault("0.0006")
    double pThreshold();

    /** Two-day window test (raised as a spike): alarm when the upper-tail probability of days t−1 + t is below this. */
    @WithDefault("0.0004")
    double windowPThreshold();

    /** … and the day's count (the two days' sum for the window test) is at least this. */
    @WithDefault("3")
    long minCount();

    /** Negative binomial instead of Poisson when the baseline's index of dispersion exceeds this. */
    @WithDefault("1.2")
    double dispersionFactor();

    /** Days (ending three days before the day tested) over which the index of dispersion is estimated. */
    @WithDefault("28")
    int dispersionWindowDays();

    /** Smallest λ used for a quiet baseline. */
    @WithDefault("0.2")
    double lambdaFloor();

    /** The CUSUM looks for a rise to this multiple of the baseline mean. */
    @WithDefault("2.0")
    double cusumShift();

    /** CUSUM decision interval h (widened by the index of dispersion). */
    @WithDefault("15")
    double cusumH();

    /** Days over which the CUSUM is replayed. */
    @WithDefault("14")
    int cusumWindowDays();

    /** An open alert without update for this long expires. */
    @WithDefault("PT48H")
    Duration expiry();

    /** When the scheduled evaluation runs (Quarkus cron; {@code off} disables it). */
    @WithDefault("0 5 * * * ?")
    String evaluateCron();

    /** CAP {@code sender}. */
    @WithDefault("risk-analysis-service@sitrep.example")
    String capSender();

    default Detector.Settings detectorSettings() {
        return new Detector.Settings(pThreshold(), windowPThreshold(), minCount(), dispersionFactor(), dispersionWindowDays(), lambdaFloor(),
                cusumShift(), cusumH(), cusumWindowDays());
    }
}
