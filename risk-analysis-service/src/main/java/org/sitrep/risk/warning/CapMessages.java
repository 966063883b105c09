package org.sitrep.risk.warning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sitrep.risk.warning.AlertEntity.Kind;
import org.sitrep.risk.warning.AlertEntity.Status;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * An alert version as an OASIS CAP 1.2 message. Identifier {@code sitrep-alert-<id>-<version>} (stable per version);
 * the first version is an {@code Alert}, later open versions {@code Update}, a resolved or expired alert {@code Cancel};
 * Update and Cancel reference every earlier version as {@code sender,identifier,sent}.
 */
@ApplicationScoped
public class CapMessages {

    public static final String MEDIA_TYPE = "application/cap+xml";
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    static final String RESTRICTION = "仅限值班人员及授权部门使用，不得对外发布";

    private final String sender;
    private final ZoneId zone;

    @jakarta.inject.Inject
    public CapMessages(WarningConfig config) {
        this(config.capSender(), config.zone());
    }

    public CapMessages(String sender, ZoneId zone) {
        this.sender = sender;
        this.zone = zone;
    }

    /**
     * @param a the alert as it is now
     * @param history the published payloads of every version, oldest first (for the references)
     * @param regionName the region's name (areaDesc)
     */
    public String toXml(AlertEntity a, List<Map<String, Object>> history, String regionName) {
        Status status = a.statusValue();
        String msgType = !status.open() ? "Cancel" : a.version == 1 ? "Alert" : "Update";
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<alert xmlns=\"").append(NAMESPACE).append("\">\n");
        el(x, 1, "identifier", identifier(a.id.toString(), a.version));
        el(x, 1, "sender", sender);
        el(x, 1, "sent", time(a.updatedAt));
        el(x, 1, "status", "Actual");
        el(x, 1, "msgType", msgType);
        el(x, 1, "scope", "Restricted");
        el(x, 1, "restriction", RESTRICTION);
        if (status == Status.RESOLVED) {
            el(x, 1, "note", "预警解除：统计量已回落至阈值以下");
        } else if (status == Status.EXPIRED) {
            el(x, 1, "note", "预警过期：超过有效期未更新");
        } else if (status == Status.ACKNOWLEDGED) {
            el(x, 1, "note", "已由值班人员 " + a.acknowledgedBy + " 确认");
        }
        if (a.version > 1) {
            List<String> refs = new ArrayList<>();
            for (Map<String, Object> h : history) {
                int v = ((Number) h.get("version")).intValue();
                if (v < a.version) {
                    refs.add(sender + "," + identifier(a.id.toString(), v) + ","
                            + time(Instant.parse(h.get("updatedAt").toString())));
                }
            }
            if (!refs.isEmpty()) {
                el(x, 1, "references", String.join(" ", refs));
            }
        }
        x.append("  <info>\n");
        el(x, 2, "language", "zh-CN");
        for (String c : capCategories(a.category)) {
            el(x, 2, "category", c);
        }
        el(x, 2, "event", event(a));
        el(x, 2, "urgency", !status.open() ? "Past" : Kind.valueOf(a.kind) == Kind.SEVERE_REPORT ? "Immediate" : "Expected");
        el(x, 2, "severity", capSeverity(a.severity));
        el(x, 2, "certainty", switch (Kind.valueOf(a.kind)) {
            case SEVERE_REPORT -> "Observed";
            case SPIKE -> "Likely";
            case SUSTAINED_RISE -> "Possible";
        });
        el(x, 2, "expires", time(status.open() ? a.expiresAt : a.updatedAt));
        el(x, 2, "senderName", "SitRep 风险研判服务");
        el(x, 2, "headline", a.headline);
        if (a.description != null) {
            el(x, 2, "description", a.description);
        }
        parameter(x, "alertId", a.id.toString());
        parameter(x, "kind", a.kind);
        parameter(x, "status", a.status);
        parameter(x, "grade", a.severity);
        x.append("    <area>\n");
        el(x, 3, "areaDesc", regionName == null ? a.regionCode : regionName);
        x.append("      <geocode>\n");
        el(x, 4, "valueName", "GB/T 2260");
        el(x, 4, "value", a.regionCode);
        x.append("      </geocode>\n");
        x.append("    </area>\n");
        x.append("  </info>\n");
        x.append("</alert>\n");
        return x.toString();
    }

    public static String identifier(String alertId, int version) {
        return "sitrep-alert-" + alertId + "-" + version;
    }

    String time(Instant t) {
        return CAP_TIME.format(t.truncatedTo(ChronoUnit.SECONDS).atZone(zone()));
    }

    private ZoneId zone() {
        return zone;
    }

    static List<String> capCategories(String category) {
        return switch (category) {
            case "POLITICAL_SECURITY", "PUBLIC_ORDER" -> List.of("Security");
            case "SOCIAL_CONFLICT", "PUBLIC_SAFETY" -> List.of("Safety");
            case "CYBER_SECURITY" -> List.of("Infra", "Security");
            default -> List.of("Other");
        };
    }

    static String capSeverity(String grade) {
        return switch (grade) {
            case "I" -> "Extreme";
            case "II" -> "Severe";
            case "III" -> "Moderate";
            case "IV" -> "Minor";
            default -> "Unknown";
        };
    }

    static String event(AlertEntity a) {
        String c = AlertTexts.category(a.category);
        return switch (Kind.valueOf(a.kind)) {
            case SPIKE -> c + "类报告异常增多";
            case SUSTAINED_RISE -> c + "类报告持续上升";
            case SEVERE_REPORT -> AlertTexts.GRADE_ZH.getOrDefault(a.severity, "") + c + "类事件";
        };
    }

    private static void parameter(StringBuilder x, String name, String value) {
        x.append("    <parameter>\n");
        el(x, 3, "valueName", name);
        el(x, 3, "value", value);
        x.append("    </parameter>\n");
    }

    private static void el(StringBuilder x, int depth, String name, String value) {
        x.append("  ".repeat(depth)).append('<').append(name).append('>').append(escape(value)).append("</")
                .append(name).append(">\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
