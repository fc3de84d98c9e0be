package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Key policies as KMS keeps them, for the simulator to serve ({@code GetKeyPolicy}) and the estate generator to
 * write: the one the KMS console writes for a customer-managed key used by Redshift (the account root with {@code
 * kms:*}, key administrators, and any principal of the account through Redshift), the one AWS writes for the AWS
 * managed {@code aws/redshift} key, and the console's with a statement that lets another account use the key.
 */
public final class KeyPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyPolicies() {}

    /** The policy of a customer-managed key of {@code account} in {@code region}. */
    public static String customerManaged(String account, String region) {
        return console(account, region).toPrettyString();
    }

    /** The console's policy plus a statement that lets the root of {@code other} decrypt and grant with the key. */
    public static String trusting(String account, String region, String other) {
        ObjectNode policy = console(account, region);
        allow(
                (ArrayNode) policy.get("Statement"),
                "Allow use of the key by account " + other,
                root(other),
                "kms:Decrypt",
                "kms:DescribeKey",
                "kms:CreateGrant");
        return policy.toPrettyString();
    }

    /** The policy AWS writes for the AWS managed key {@code aws/redshift} of {@code account} in {@code region}. */
    public static String awsManaged(String account, String region) {
        ObjectNode policy = policy("auto-redshift-1");
        ArrayNode statements = (ArrayNode) policy.get("Statement");
        viaRedshift(
                statements,
                account,
                region,
                "Allow access through Redshift for all principals in the account that are authorized to use Redshift");
        allow(
                statements,
                "Allow direct access to key metadata to the account",
                root(account),
                "kms:Describe*",
                "kms:Get*",
                "kms:List*",
                "kms:RevokeGrant");
        return policy.toPrettyString();
    }

    private static ObjectNode console(String account, String region) {
        ObjectNode policy = policy("key-consolepolicy-3");
        ArrayNode statements = (ArrayNode) policy.get("Statement");
        allow(statements, "Enable IAM User Permissions", root(account), "kms:*");
        allow(
                statements,
                "Allow access for Key Administrators",
                "arn:aws:iam::" + account + ":role/KeyAdmin",
                "kms:Create*",
                "kms:Describe*",
                "kms:Enable*",
                "kms:List*",
                "kms:Put*",
                "kms:Update*",
                "kms:Revoke*",
                "kms:Disable*",
                "kms:Get*",
                "kms:Delete*",
                "kms:TagResource",
                "kms:UntagResource",
                "kms:ScheduleKeyDeletion",
                "kms:CancelKeyDeletion");
        viaRedshift(
                statements,
                account,
                region,
                "Allow access through Amazon Redshift for all principals in the account that are authorized to use"
                        + " Amazon Redshift");
        return policy;
    }

    /** Any principal of {@code account}, through Redshift in {@code region}: the grants Redshift makes. */
    private static void viaRedshift(ArrayNode statements, String account, String region, String sid) {
        ObjectNode equals = allow(
                        statements,
                        sid,
                        "*",
                        "kms:Encrypt",
                        "kms:Decrypt",
                        "kms:ReEncrypt*",
                        "kms:GenerateDataKey*",
                        "kms:CreateGrant",
                        "kms:ListGrants",
                        "kms:DescribeKey")
                .putObject("Condition")
                .putObject("StringEquals");
        equals.put("kms:ViaService", "redshift." + region + ".amazonaws.com");
        equals.put("kms:CallerAccount", account);
    }

    private static ObjectNode policy(String id) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.put("Id", id);
        policy.putArray("Statement");
        return policy;
    }

    /** An {@code Allow} statement of {@code actions} on the key for the {@code AWS} principal {@code principal}. */
    private static ObjectNode allow(ArrayNode statements, String sid, String principal, String... actions) {
        ObjectNode s = statements.addObject();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.putObject("Principal").put("AWS", principal);
        ArrayNode a = s.putArray("Action");
        for (String action : actions) {
            a.add(action);
        }
        s.put("Resource", "*");
        return s;
    }

    private static String root(String account) {
        return "arn:aws:iam::" + account + ":root";
    }
}
