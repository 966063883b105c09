package org.sitrep.briefing.domain;

/** One cell of the situation map: a region and a category. */
public record CellKey(String regionCode, Category category) {
}
