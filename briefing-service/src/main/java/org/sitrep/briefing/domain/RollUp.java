package org.sitrep.briefing.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sitrep.regions.Region;
import org.sitrep.regions.RegionCatalogue;

/**
 * How the counts of reported regions roll up into the rows of a situation map for a scope:
 * <ul>
 * <li>no scope: one row per reported region (county level as reported), over everything;</li>
 * <li>a region with children (province, city): one row per child, each summing everything below it;</li>
 * <li>a region without children (county): the region itself.</li>
 * </ul>
 * Reports coded with the scope region itself (not with one of its children) get a row of the scope's own.
 */
public final class RollUp {

    private final RegionCatalogue catalogue;
    private final String scope;
    private final List<String> fixedRows;
    private final Set<String> codesInScope;

    private RollUp(RegionCatalogue catalogue, String scope, List<String> fixedRows, Set<String> codesInScope) {
        this.catalogue = catalogue;
        this.scope = scope;
        this.fixedRows = fixedRows;
        this.codesInScope = codesInScope;
    }

    /** @param scope a code the catalogue contains, or null for everything */
    public static RollUp of(RegionCatalogue catalogue, String scope) {
        if (scope == null) {
            return new RollUp(catalogue, null, List.of(), null);
        }
        Region region = catalogue.get(scope);
        List<Region> children = catalogue.childrenOf(region.code());
        List<String> rows = children.isEmpty() ? List.of(region.code()) : children.stream().map(Region::code).toList();
        Set<String> within = new LinkedHashSet<>();
        for (Region r : catalogue.all()) {
            if (catalogue.isWithin(r.code(), region.code())) {
                within.add(r.code());
            }
        }
        return new RollUp(catalogue, region.code(), rows, Set.copyOf(within));
    }

    public String scope() {
        return scope;
    }

    /** Rows shown even without reports (in catalogue order). */
    public List<String> fixedRows() {
        return fixedRows;
    }

    /** The region codes whose reports count, or null when every region counts. */
    public Set<String> codesInScope() {
        return codesInScope;
    }

    /** The row a report of {@code regionCode} counts in; empty when it lies outside the scope. */
    public Optional<String> rowOf(String regionCode) {
        if (scope == null) {
            return Optional.of(regionCode);
        }
        if (!codesInScope.contains(regionCode)) {
            return Optional.empty();
        }
        if (regionCode.equals(scope) || fixedRows.contains(regionCode)) {
            return Optional.of(regionCode);
        }
        return catalogue.childOfAncestorContaining(scope, regionCode).map(Region::code);
    }

    public String nameOf(String code) {
        return catalogue.nameOf(code);
    }
}
