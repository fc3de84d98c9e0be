package io.rsaudit.fix.format;

import io.rsaudit.fix.plan.Call;
import io.rsaudit.fix.plan.Plan;
import io.rsaudit.fix.plan.ResourcePlan;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as Terraform (AWS provider) snippets: for each resource, the arguments to set in the block that manages
 * it, so that a resource under Terraform is fixed in its code rather than drifting from it. rsaudit cannot see which
 * block manages a resource: each snippet names the resource by ARN and uses a placeholder block name.
 */
final class PlanTerraform {

    private static final Map<String, String> CLUSTER = Map.of(
            "PubliclyAccessible", "publicly_accessible",
            "EnhancedVpcRouting", "enhanced_vpc_routing",
            "AllowVersionUpgrade", "allow_version_upgrade",
            "AutomatedSnapshotRetentionPeriod", "automated_snapshot_retention_period",
            "ManualSnapshotRetentionPeriod", "manual_snapshot_retention_period",
            "ClusterParameterGroupName", "cluster_parameter_group_name",
            "Encrypted", "encrypted",
            "KmsKeyId", "kms_key_id");

    private PlanTerraform() {}

    static void write(Plan plan, Writer out) throws IOException {
        out.write("# rsaudit fix plan for " + Terminal.escape(plan.source())
                + ": set these arguments in the blocks that manage the resources.\n");
        for (ResourcePlan r : plan.resources()) {
            out.write("\n# " + Terminal.escape(r.resource().arn()) + ": " + String.join(", ", r.checkIds()) + "\n");
            for (Call c : r.calls()) {
                snippet(out, c);
            }
        }
    }

    private static void snippet(Writer out, Call c) throws IOException {
        Map<String, Object> p = c.params();
        switch (c.action()) {
            case "ModifyCluster" -> {
                out.write("resource \"aws_redshift_cluster\" \"" + label(p.get("ClusterIdentifier")) + "\" {\n");
                out.write("  cluster_identifier = " + hcl(p.get("ClusterIdentifier")) + "\n");
                for (Map.Entry<String, Object> e : p.entrySet()) {
                    String arg = CLUSTER.get(e.getKey());
                    if (arg != null) {
                        out.write("  " + arg + " = " + hcl(e.getValue()) + "\n");
                    }
                }
                out.write("  # ...the block's other arguments\n}\n");
            }
            case "CreateClusterParameterGroup" -> {
                out.write(
                        "resource \"aws_redshift_parameter_group\" \"" + label(p.get("ParameterGroupName")) + "\" {\n");
                out.write("  name   = " + hcl(p.get("ParameterGroupName")) + "\n");
                out.write("  family = " + hcl(p.get("ParameterGroupFamily")) + "\n}\n");
            }
            case "ModifyClusterParameterGroup" -> {
                out.write("# in resource \"aws_redshift_parameter_group\" with name = "
                        + hcl(p.get("ParameterGroupName")) + ":\n");
                for (Object o : (List<?>) p.get("Parameters")) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    out.write("  parameter {\n    name  = " + hcl(m.get("ParameterName")) + "\n    value = "
                            + hcl(m.get("ParameterValue")) + "\n  }\n");
                }
            }
            case "EnableLogging" -> {
                out.write("resource \"aws_redshift_logging\" \"" + label(p.get("ClusterIdentifier")) + "\" {\n");
                out.write("  cluster_identifier   = " + hcl(p.get("ClusterIdentifier")) + "\n");
                out.write("  log_destination_type = " + hcl(p.get("LogDestinationType")) + "\n");
                if (p.containsKey("BucketName")) {
                    out.write("  bucket_name          = " + hcl(p.get("BucketName")) + "\n");
                }
                if (p.containsKey("S3KeyPrefix")) {
                    out.write("  s3_key_prefix        = " + hcl(p.get("S3KeyPrefix")) + "\n");
                }
                out.write("  log_exports          = " + hcl(p.get("LogExports")) + "\n}\n");
            }
            case "DisableSnapshotCopy" ->
                out.write("# remove the snapshot_copy block (or aws_redshift_snapshot_copy resource) of cluster "
                        + hcl(p.get("ClusterIdentifier")) + "\n");
            case "EnableKeyRotation" ->
                out.write("# in resource \"aws_kms_key\" of key " + hcl(p.get("KeyId"))
                        + ":\n  enable_key_rotation = true\n");
            case "UpdateWorkgroup" -> {
                out.write(
                        "resource \"aws_redshiftserverless_workgroup\" \"" + label(p.get("workgroupName")) + "\" {\n");
                out.write("  workgroup_name = " + hcl(p.get("workgroupName")) + "\n");
                if (p.containsKey("publiclyAccessible")) {
                    out.write("  publicly_accessible = " + hcl(p.get("publiclyAccessible")) + "\n");
                }
                if (p.containsKey("enhancedVpcRouting")) {
                    out.write("  enhanced_vpc_routing = " + hcl(p.get("enhancedVpcRouting")) + "\n");
                }
                if (p.get("configParameters") instanceof List<?> list) {
                    for (Object o : list) {
                        Map<?, ?> m = (Map<?, ?>) o;
                        out.write("  config_parameter {\n    parameter_key   = " + hcl(m.get("parameterKey"))
                                + "\n    parameter_value = " + hcl(m.get("parameterValue")) + "\n  }\n");
                    }
                }
                out.write("  # ...the block's other arguments\n}\n");
            }
            case "UpdateSnapshot" -> {
                out.write("resource \"aws_redshiftserverless_snapshot\" \"" + label(p.get("snapshotName")) + "\" {\n");
                out.write("  snapshot_name    = " + hcl(p.get("snapshotName")) + "\n");
                out.write("  retention_period = " + hcl(p.get("retentionPeriod")) + "\n");
                out.write("  # ...the block's other arguments\n}\n");
            }
            case "PutResourcePolicy" -> {
                String arn = String.valueOf(p.get("resourceArn"));
                out.write("resource \"aws_redshiftserverless_resource_policy\" \""
                        + label(arn.substring(arn.lastIndexOf('/') + 1)) + "\" {\n");
                out.write("  resource_arn = " + hcl(arn) + "\n");
                out.write("  policy       = " + hcl(p.get("policy")) + "\n}\n");
            }
            case "UpdateNamespace" -> {
                out.write(
                        "resource \"aws_redshiftserverless_namespace\" \"" + label(p.get("namespaceName")) + "\" {\n");
                out.write("  namespace_name = " + hcl(p.get("namespaceName")) + "\n");
                out.write("  log_exports    = " + hcl(p.get("logExports")) + "\n");
                out.write("  # ...the block's other arguments\n}\n");
            }
            default ->
                out.write("# " + c.iamAction() + ": no Terraform argument; run it as in the shell plan or after"
                        + " apply\n");
        }
    }

    /** An HCL literal: a quoted string (with ${ and %{ escaped), a number, a boolean or a list. */
    static String hcl(Object v) {
        if (v instanceof Boolean || v instanceof Number) {
            return String.valueOf(v);
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Object x : list) {
                b.append(b.length() > 1 ? ", " : "").append(hcl(x));
            }
            return b.append(']').toString();
        }
        String s = String.valueOf(v);
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '$', '%' -> {
                    b.append(ch);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        b.append(ch);
                    }
                }
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A block label: letters, digits, underscores and dashes, starting with a letter. */
    static String label(Object name) {
        String s = String.valueOf(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "r_" + s : s;
    }
}
