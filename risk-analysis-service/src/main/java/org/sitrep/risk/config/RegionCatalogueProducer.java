package org.sitrep.risk.config;

import org.sitrep.regions.RegionCatalogue;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The administrative-division catalogue as a bean. */
public class RegionCatalogueProducer {

    @Produces
    @Singleton
    RegionCatalogue regionCatalogue() {
        return RegionCatalogue.load();
    }
}
