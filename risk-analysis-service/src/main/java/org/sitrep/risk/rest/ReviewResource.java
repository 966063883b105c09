package org.sitrep.risk.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.sitrep.risk.classification.Category;
import org.sitrep.risk.persistence.ReportClassificationEntity;
import org.sitrep.risk.service.ClassificationRevisions;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The analyst's desk: classifications whose confidence fell below the review threshold, and the correction of any
 * classification (category and/or severity, with a reason), which publishes a new version downstream.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    static final Set<String> CATEGORIES = Set.of("POLITICAL_SECURITY", "PUBLIC_ORDER", "SOCIAL_CONFLICT", "PUBLIC_SAFETY",
            "CYBER_SECURITY");
    static final Set<String> SEVERITIES = Set.of("I", "II", "III", "IV");

    private final EntityManager em;
    private final ClassificationRevisions revisions;

    public ReviewResource(EntityManager em, ClassificationRevisions revisions) {
        this.em = em;
        this.revisions = revisions;
    }

    @GET
    @Path("/reviews")
    @Operation(summary = "Classifications waiting for an analyst (needsReview, not yet reviewed), newest first")
    public Map<String, Object> reviews(@QueryParam("page") String page, @QueryParam("size") String size) {
        int p = RequestFields.intParam("page", page, 0, 0, 100_000);
        int s = RequestFields.intParam("size", size, 20, 1, 200);
        String where = " from ReportClassificationEntity c where c.needsReview = true and c.reviewedAt is null";
        List<ClassificationView> items = em.createQuery("select c" + where + " order by c.classifiedAt desc, c.reportId",
                        ReportClassificationEntity.class)
                .setFirstResult(p * s).setMaxResults(s).getResultList().stream().map(ClassificationView::of).toList();
        long total = em.createQuery("select count(c)" + where, Long.class).getSingleResult();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("total", total);
        return answer;
    }

    @PUT
    @Path("/reports/{id}/classification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a report's category and/or severity as an analyst", description = "Body {category?, severity?, "
            + "reason, analyst?}; the reason is required. Publishes the next version of the classification; counts move "
            + "from the old cell to the new one once.")
    public ClassificationView correct(@PathParam("id") String id, JsonNode body) {
        UUID reportId = RequestFields.uuid("id", id);
        RequestFields fields = new RequestFields(body, Set.of("category", "severity", "reason", "analyst"));
        String category = fields.oneOf("category", CATEGORIES);
        String severity = fields.oneOf("severity", SEVERITIES);
        String reason = fields.text("reason", true, 1000);
        String analyst = fields.text("analyst", false, 100);
        if (body != null && body.isObject() && !body.has("category") && !body.has("severity")) {
            fields.add("category", "give a category, a severity or both");
        }
        fields.throwIfInvalid();
        ClassificationRevisions.Outcome outcome = revisions.revise(reportId, ClassificationRevisions.Kind.REVIEW, reason,
                analyst, c -> {
                    if (category != null) {
                        c.category = category;
                    }
                    if (severity != null) {
                        c.severity = severity;
                    }
                    c.needsReview = false;
                    c.reviewedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                }).orElseThrow(() -> new ProblemException(404, "Not found", List.of(new Problem.Violation("id",
                        "no classification for report " + reportId))));
        return ClassificationView.of(outcome.classification());
    }

    static {
        // the codes here and the taxonomy's must not drift apart
        for (Category c : Category.values()) {
            if (!CATEGORIES.contains(c.name())) {
                throw new IllegalStateException("category " + c + " missing from the review resource");
            }
        }
    }
}
