package org.sitrep.risk.classification;

import java.util.List;
import java.util.Map;

/**
 * The classifier's judgement of one text.
 *
 * @param scores      calibrated probability per category (taxonomy order), summing to 1
 * @param confidence  the winning category's calibrated probability
 * @param evidence    the terms that contributed most to the winning category, as written in the text
 * @param needsReview confidence below the review threshold
 */
public record Classification(Category category, double confidence, Map<Category, Double> scores,
        List<String> evidence, boolean needsReview, String modelVersion, String taxonomyVersion) {
}
