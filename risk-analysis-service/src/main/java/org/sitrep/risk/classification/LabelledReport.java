package org.sitrep.risk.classification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One line of the labelled corpus (see the corpus specification). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledReport(String id, String lang, Category category, String severity, boolean ambiguous,
        String unitId, String regionCode, String occurredAt, String title, String body, Casualties casualties,
        String note) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Casualties(Integer deaths, Integer injured) {
    }

    public String text() {
        return title == null || title.isBlank() ? body : title + "\n" + body;
    }
}
