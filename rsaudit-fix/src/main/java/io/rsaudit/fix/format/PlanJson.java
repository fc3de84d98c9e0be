package io.rsaudit.fix.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Refusal;
import io.rsaudit.fix.plan.Remedy;
import io.rsaudit.fix.plan.ResourcePlan;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The plan as one JSON document ({@code "kind": "rsaudit-fix-plan"}). */
public final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    static void write(Plan plan, Writer out) throws IOException {
        JSON.writeValue(new NonClosing(out), tree(plan));
        out.write("\n");
    }

    public static ObjectNode tree(Plan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", "rsaudit-fix-plan");
        root.put("created", plan.created().toString());
        root.put("source", plan.source());
        root.put("unknownFindings", plan.unknownFindings());
        ArrayNode resources = root.putArray("resources");
        for (ResourcePlan r : plan.resources()) {
            ObjectNode o = resources.addObject();
            resource(o, r.resource());
            o.set("checks", JSON.valueToTree(r.checkIds()));
            ArrayNode remedies = o.putArray("remedies");
            for (Remedy m : r.remedies()) {
                ObjectNode x = remedies.addObject();
                x.put("check", m.checkId());
                x.put("does", m.does());
                x.put("impact", m.impact().name());
                x.put("impactText", m.impact().text());
                x.put("risk", m.risk());
                x.put("undo", m.undo());
            }
            ArrayNode calls = o.putArray("calls");
            for (Call c : r.calls()) {
                calls.add(call(c));
            }
            o.set("pendingParameters", JSON.valueToTree(r.pendingParameters()));
            o.set("notes", JSON.valueToTree(r.notes()));
        }
        refusals(root.putArray("refused"), plan.refused(), false);
        refusals(root.putArray("manual"), plan.manual(), true);
        return root;
    }

    /** A call as JSON: its IAM action, scope, parameters and the values before. */
    public static ObjectNode call(Call c) {
        ObjectNode x = JSON.createObjectNode();
        x.put("action", c.iamAction());
        x.put("account", c.scope().account());
        x.put("region", c.scope().region());
        x.set("parameters", JSON.valueToTree(c.params()));
        x.set("before", JSON.valueToTree(c.before()));
        return x;
    }

    private static void refusals(ArrayNode list, List<Refusal> refusals, boolean manual) {
        for (Refusal r : refusals) {
            ObjectNode o = list.addObject();
            o.put("check", r.checkId());
            resource(o, r.resource());
            o.put("reason", r.reason());
            if (r.flag() != null) {
                o.put("allowedBy", r.flag());
            }
            if (!manual) {
                o.put("final", !r.allowedByFlag());
            }
        }
    }

    private static void resource(ObjectNode o, ResourceId id) {
        o.put("type", id.type().name());
        o.put("name", id.name());
        o.put("arn", id.arn());
        o.put("account", id.scope().account());
        o.put("region", id.scope().region());
    }

    /** Jackson closes the writer it is given; the caller owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
