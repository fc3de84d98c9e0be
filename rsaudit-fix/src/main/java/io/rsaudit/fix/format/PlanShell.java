package io.rsaudit.fix.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.Refusal;
import io.rsaudit.fix.plan.ResourcePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The plan as a POSIX shell script of AWS CLI commands: one command per call, every value single-quoted, structured
 * values as JSON. Run it with credentials for the account each block names; it stops at the first failing command.
 */
public final class PlanShell {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanShell() {}

    static void write(Plan plan, Writer out) throws IOException {
        out.write("#!/bin/sh\n");
        out.write("# rsaudit fix plan for " + comment(plan.source()) + ", " + plan.created() + "\n");
        out.write("# Review before running. Each block needs credentials for the account it names.\n");
        out.write("set -eu\n");
        for (ResourcePlan r : plan.resources()) {
            out.write("\n# " + comment(r.resource().arn()) + " (account "
                    + r.resource().scope().account() + "): " + String.join(", ", r.checkIds()) + "\n");
            for (String note : r.notes()) {
                out.write("# note: " + comment(note) + "\n");
            }
            for (Call c : r.calls()) {
                out.write(command(c) + "\n");
            }
        }
        for (Refusal x : plan.refused()) {
            out.write("# refused " + (x.allowedByFlag() ? "unless " + x.flag() + " allows it" : "(final)") + " "
                    + x.checkId() + " " + comment(x.resource().arn()) + ": " + comment(x.reason()) + "\n");
        }
    }

    /** The AWS CLI command of a call: {@code aws redshift modify-cluster --region 'r' --cluster-identifier 'c' ...}. */
    public static String command(Call c) {
        StringBuilder b = new StringBuilder("aws ")
                .append(c.service())
                .append(' ')
                .append(kebab(c.action()))
                .append(" --region ")
                .append(quote(c.scope().region()));
        for (Map.Entry<String, Object> p : c.params().entrySet()) {
            String option = "--" + kebab(p.getKey());
            Object v = p.getValue();
            if (v instanceof Boolean flag) {
                b.append(' ').append(flag ? option : "--no-" + option.substring(2));
            } else if (v instanceof List<?> list && list.stream().allMatch(x -> x instanceof String)) {
                b.append(' ').append(option);
                for (Object x : list) {
                    b.append(' ').append(quote((String) x));
                }
            } else if (v instanceof List<?> || v instanceof Map<?, ?>) {
                b.append(' ').append(option).append(' ').append(quote(json(v)));
            } else {
                b.append(' ').append(option).append(' ').append(quote(String.valueOf(v)));
            }
        }
        return b.toString();
    }

    /** POSIX single quotes: {@code it's} becomes {@code 'it'\''s'}. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** {@code ModifyClusterParameterGroup} → {@code modify-cluster-parameter-group}. */
    static String kebab(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) {
                    b.append('-');
                }
                b.append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** A comment line cannot be ended early: line breaks and control characters are escaped. */
    private static String comment(String s) {
        return Terminal.escape(s);
    }

    private static String json(Object v) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
