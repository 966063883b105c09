package org.sitrep.ingest.config;

import org.sitrep.regions.RegionCatalogue;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class RegionCatalogueProducer {

    @Produces
    @Singleton
    RegionCatalogue regionCatalogue() {
        return RegionCatalogue.load();
    }
}
