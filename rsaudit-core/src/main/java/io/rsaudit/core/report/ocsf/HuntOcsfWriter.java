package io.rsaudit.core.report.ocsf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rsaudit.core.baseline.Fingerprint;
import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.engine.Alert;
import io.rsaudit.core.hunt.run.HuntHeader;
import io.rsaudit.core.hunt.run.HuntSummary;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.report.Redacted;
import io.rsaudit.core.report.ReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Each hunt alert as an OCSF Detection Finding (class 2004), one per line. {@code finding_info.uid} is the alert's
 * fingerprint; {@code finding_info.attacks} the rule's MITRE ATT&amp;CK tactics and techniques (from its {@code
 * attack.*} tags); {@code evidences} one artifact per evidence record (user, source address, API operation, and the
 * file and line it was read from); {@code observables} the user names, IP addresses, access key ids and the
 * cluster's ARN. Secrets are removed from every value printed from a log record.
 */
public final class HuntOcsfWriter implements ReportWriter<HuntHeader, Alert, HuntSummary> {

    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Map<String, String> TACTICS = Map.ofEntries(
            Map.entry("reconnaissance", "TA0043"),
            Map.entry("resource_development", "TA0042"),
            Map.entry("initial_access", "TA0001"),
            Map.entry("execution", "TA0002"),
            Map.entry("persistence", "TA0003"),
            Map.entry("privilege_escalation", "TA0004"),
            Map.entry("defense_evasion", "TA0005"),
            Map.entry("credential_access", "TA0006"),
            Map.entry("discovery", "TA0007"),
            Map.entry("lateral_movement", "TA0008"),
            Map.entry("collection", "TA0009"),
            Map.entry("command_and_control", "TA0011"),
            Map.entry("exfiltration", "TA0010"),
            Map.entry("impact", "TA0040"));

    /** OCSF observable type ids. */
    static final int IP_ADDRESS = 2;

    static final int USER_NAME = 4;
    static final int RESOURCE_UID = 10;
    static final int USER_CREDENTIAL_ID = 19;

    private final Writer out;
    private HuntHeader header;

    public HuntOcsfWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void header(HuntHeader header) {
        this.header = header;
    }

    @Override
    public void result(Alert a) throws IOException {
        Ocsf.line(out, event(a));
    }

    @Override
    public void summary(HuntSummary summary) throws IOException {
        out.flush();
    }

    private ObjectNode event(Alert a) {
        String uid = Fingerprint.of(a);
        ObjectNode e = Ocsf.event(Ocsf.DETECTION_FINDING, "Detection Finding");
        e.put("time", header.startedAt().toEpochMilli());
        if (a.first() != null) {
            e.put("start_time", a.first().toEpochMilli());
        }
        if (a.last() != null) {
            e.put("end_time", a.last().toEpochMilli());
        }
        Ocsf.severity(e, a.level());
        e.put("status_id", 1);
        e.put("status", "New");
        e.put("is_alert", true);
        e.put("count", a.eventCount());
        e.put("message", Redacted.safe(a.summary()));
        Ocsf.metadata(e, header.toolVersion(), uid);
        Ocsf.cloud(e, a.account(), a.region());

        ObjectNode info = e.putObject("finding_info");
        info.put("uid", uid);
        info.put("title", a.title());
        info.put("desc", Redacted.safe(a.summary()));
        info.put("created_time", header.startedAt().toEpochMilli());
        if (a.first() != null) {
            info.put("first_seen_time", a.first().toEpochMilli());
        }
        if (a.last() != null) {
            info.put("last_seen_time", a.last().toEpochMilli());
        }
        info.putObject("analytic")
                .put("uid", a.ruleId())
                .put("name", a.title())
                .put("type_id", 1)
                .put("type", "Rule");
        ArrayNode types = info.putArray("types");
        a.tags().forEach(types::add);
        attacks(info, a.tags());

        String arn = clusterArn(a);
        if (arn != null) {
            e.putArray("resources")
                    .addObject()
                    .put("uid", arn)
                    .put("name", a.cluster())
                    .put("type", "cluster");
        }

        ArrayNode evidences = e.putArray("evidences");
        Set<String> users = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (Event ev : a.evidence()) {
            ObjectNode art = evidences.addObject();
            String user = Redacted.safe(ev.user());
            if (user != null) {
                art.putObject("actor").putObject("user").put("name", user);
                users.add(user);
            }
            if (ev.sourceAddress() != null) {
                ObjectNode src = art.putObject("src_endpoint");
                if (isIp(ev.sourceAddress())) {
                    src.put("ip", ev.sourceAddress());
                    addresses.add(ev.sourceAddress());
                } else {
                    src.put("hostname", ev.sourceAddress());
                }
            }
            if (ev.type() == LogType.CLOUDTRAIL && ev.action() != null) {
                art.putObject("api").put("operation", ev.action());
            }
            ObjectNode data = art.putObject("data");
            data.put("type", ev.type().fileName());
            data.put("file", ev.origin().file());
            data.put("line", ev.origin().line());
            data.put("time", ev.time() == null ? null : ev.time().toString());
            data.put("action", ev.action());
            data.put("outcome", ev.outcome().name().toLowerCase(Locale.ROOT));
            if (ev.sql() != null) {
                data.put("sql", Redacted.safe(ev.sql()));
            }
        }

        ArrayNode observables = e.putArray("observables");
        if (a.actor() != null) {
            for (String u : a.actor().split(",")) {
                users.add(Redacted.safe(u.strip()));
            }
        }
        users.forEach(u -> observable(observables, "actor.user.name", USER_NAME, "User Name", u));
        if (a.sourceAddress() != null) {
            for (String s : a.sourceAddress().split(",")) {
                if (isIp(s.strip())) {
                    addresses.add(s.strip());
                }
            }
        }
        addresses.forEach(ip -> observable(observables, "src_endpoint.ip", IP_ADDRESS, "IP Address", ip));
        for (String key : accessKeys(a)) {
            observable(observables, "actor.user.credential_uid", USER_CREDENTIAL_ID, "User Credential ID", key);
        }
        if (arn != null) {
            observable(observables, "resources.uid", RESOURCE_UID, "Resource UID", arn);
        }
        return e;
    }

    private static void attacks(ObjectNode info, List<String> tags) {
        List<String> tactics = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        for (String t : tags) {
            if (!t.startsWith("attack.")) {
                continue;
            }
            String v = t.substring("attack.".length());
            if (v.matches("t\\d{4}(\\.\\d{3})?")) {
                techniques.add(v.toUpperCase(Locale.ROOT));
            } else if (TACTICS.containsKey(v)) {
                tactics.add(v);
            }
        }
        if (tactics.isEmpty() && techniques.isEmpty()) {
            return;
        }
        ArrayNode attacks = info.putArray("attacks");
        String tactic = tactics.isEmpty() ? null : tactics.get(0);
        List<String> each = techniques.isEmpty() ? java.util.Collections.singletonList(null) : techniques;
        for (String technique : each) {
            ObjectNode attack = attacks.addObject();
            attack.put("version", "v16");
            if (tactic != null) {
                attack.putObject("tactic").put("uid", TACTICS.get(tactic)).put("name", title(tactic));
            }
            if (technique != null) {
                int dot = technique.indexOf('.');
                attack.putObject("technique").put("uid", dot < 0 ? technique : technique.substring(0, dot));
                if (dot > 0) {
                    attack.putObject("sub_technique").put("uid", technique);
                }
            }
        }
        for (String other : tactics.subList(Math.min(1, tactics.size()), tactics.size())) {
            attacks.addObject()
                    .put("version", "v16")
                    .putObject("tactic")
                    .put("uid", TACTICS.get(other))
                    .put("name", title(other));
        }
    }

    private static String title(String tactic) {
        StringBuilder b = new StringBuilder();
        for (String w : tactic.split("_")) {
            b.append(b.length() == 0 ? "" : " ")
                    .append(Character.toUpperCase(w.charAt(0)))
                    .append(w.substring(1));
        }
        return b.toString();
    }

    private static void observable(ArrayNode observables, String name, int typeId, String type, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        observables
                .addObject()
                .put("name", name)
                .put("type_id", typeId)
                .put("type", type)
                .put("value", value);
    }

    private static Set<String> accessKeys(Alert a) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : new String[] {a.actor(), a.summary()}) {
            if (text != null) {
                Matcher m = ACCESS_KEY.matcher(text);
                while (m.find()) {
                    keys.add(m.group());
                }
            }
        }
        return keys;
    }

    /** The cluster's ARN when the alert names one cluster, account and region; {@code null} otherwise. */
    static String clusterArn(Alert a) {
        if (a.cluster() == null
                || a.account() == null
                || a.region() == null
                || a.cluster().contains(",")
                || a.account().contains(",")
                || a.region().contains(",")) {
            return null;
        }
        return Arns.redshift(new Scope(a.account(), a.region()), "cluster", a.cluster());
    }

    static boolean isIp(String s) {
        return s != null
                && (IPV4.matcher(s).matches()
                        || (s.contains(":") && IPV6.matcher(s).matches()));
    }
}
