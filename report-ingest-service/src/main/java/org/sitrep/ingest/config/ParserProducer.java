package org.sitrep.ingest.config;

import java.time.Clock;

import org.sitrep.ingest.domain.SubmissionParser;
import org.sitrep.regions.RegionCatalogue;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class ParserProducer {

    @Produces
    @Singleton
    SubmissionParser submissionParser(RegionCatalogue regions, IngestConfig config, Clock clock) {
        return new SubmissionParser(regions, config, clock);
    }
}
