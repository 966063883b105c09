package org.sitrep.briefing.config;

import java.time.Clock;

import org.sitrep.regions.RegionCatalogue;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Beans the service needs from outside CDI. */
public class Beans {

    @Produces
    @Singleton
    RegionCatalogue regionCatalogue() {
        return RegionCatalogue.load();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
