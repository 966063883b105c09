package org.sitrep.risk.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sitrep.risk.classification.Category;
import org.sitrep.risk.classification.Taxonomy;
import org.sitrep.risk.service.RiskAnalyzer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The taxonomy in force: its version and the categories with names and definitions. */
@Path("/api/v1/taxonomy")
public class TaxonomyResource {

    public record CategoryView(Category code, String nameZh, String nameEn, String definitionZh, String definitionEn) {
    }

    public record TaxonomyView(String version, String modelVersion, List<CategoryView> categories) {
    }

    private final RiskAnalyzer analyzer;

    public TaxonomyResource(RiskAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The risk taxonomy (version, categories, names, definitions)")
    public TaxonomyView taxonomy() {
        Taxonomy t = analyzer.taxonomy();
        return new TaxonomyView(t.version(), analyzer.modelVersion(), t.categories().stream()
                .map(e -> new CategoryView(e.code(), e.nameZh(), e.nameEn(), e.definitionZh(), e.definitionEn()))
                .toList());
    }
}
