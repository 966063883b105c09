package org.sitrep.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.sitrep.ingest.persistence.ReportEntity;

/** Building blocks shared by the service's tests. */
public final class IngestTestSupport {

    private IngestTestSupport() {
    }

    /** A unit id no other test uses, so counts per unit are this test's own. */
    public static String freshUnit() {
        return "unit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String report(String unitId, String extraFields) {
        return "{\"unitId\":\"" + unitId + "\",\"regionCode\":\"610924\",\"occurredAt\":\""
                + Instant.now().minus(2, ChronoUnit.HOURS) + "\",\"title\":\"紫阳县蒿坪镇山体滑坡\","
                + "\"body\":\"11月24日6时许，蒿坪镇一村民组后山发生滑坡，2户房屋受损，无人员伤亡，已转移群众12人。\""
                + (extraFields == null || extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }

    public static long reportsOf(String unitId) {
        return ReportEntity.count("unitId", unitId);
    }
}
