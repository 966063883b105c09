package org.sitrep.risk.service;

import org.sitrep.risk.classification.Classification;
import org.sitrep.risk.severity.SeverityAssessment;

/** A report's classification and severity grade. */
public record Analysis(Classification classification, SeverityAssessment severity) {
}
