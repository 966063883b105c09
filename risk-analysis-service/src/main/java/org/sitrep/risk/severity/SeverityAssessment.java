package org.sitrep.risk.severity;

import java.util.List;

/** The grade and the reasons that reached it (the reasons of the winning grade first). */
public record SeverityAssessment(Grade grade, List<String> reasons) {
}
