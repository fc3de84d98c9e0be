package io.rsaudit.core.report.ocsf;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.model.Severity;
import java.io.IOException;
import java.io.Writer;

/** What both OCSF writers share: the schema version, the class header of an event, severity ids, one event a line. */
final class Ocsf {

    static final String VERSION = "1.5.0";
    static final int CATEGORY_FINDINGS = 2;
    static final int COMPLIANCE_FINDING = 2003;
    static final int DETECTION_FINDING = 2004;
    /** Finding activity 1: a finding was created. */
    static final int CREATE = 1;

    static final ObjectMapper JSON =
            JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private Ocsf() {}

    /** A new event of {@code classUid}: category, class, activity Create, type_uid = class × 100 + activity. */
    static ObjectNode event(int classUid, String className) {
        ObjectNode e = JSON.createObjectNode();
        e.put("category_uid", CATEGORY_FINDINGS);
        e.put("category_name", "Findings");
        e.put("class_uid", classUid);
        e.put("class_name", className);
        e.put("activity_id", CREATE);
        e.put("activity_name", "Create");
        e.put("type_uid", classUid * 100L + CREATE);
        e.put("type_name", className + ": Create");
        return e;
    }

    /** The metadata every event carries: product and OCSF version. */
    static void metadata(ObjectNode e, String toolVersion, String uid) {
        ObjectNode m = e.putObject("metadata");
        m.put("version", VERSION);
        m.put("uid", uid);
        ObjectNode p = m.putObject("product");
        p.put("name", "rsaudit");
        p.put("vendor_name", "rsaudit");
        p.put("version", toolVersion);
    }

    /** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
    static void severity(ObjectNode e, Severity s) {
        int id = switch (s) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
        e.put("severity_id", id);
        e.put(
                "severity",
                id == 1 ? "Informational" : s.name().charAt(0) + s.label().substring(1));
    }

    /** The cloud an event is about: AWS, its account and region. */
    static void cloud(ObjectNode e, String account, String region) {
        ObjectNode c = e.putObject("cloud");
        c.put("provider", "AWS");
        if (region != null) {
            c.put("region", region);
        }
        if (account != null) {
            c.putObject("account")
                    .put("uid", account)
                    .put("type", "AWS Account")
                    .put("type_id", 10);
        }
    }

    /** Writes {@code e} as one line. */
    static void line(Writer out, ObjectNode e) throws IOException {
        out.write(JSON.writeValueAsString(e));
        out.write('\n');
    }
}
