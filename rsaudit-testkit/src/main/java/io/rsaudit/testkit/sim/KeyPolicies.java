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
        ObjectNode s = ((ArrayNode) policy.get("Statement")).addObject();
        s.put("Sid", "Allow use of the key by account " + other);
        s.put("Effect", "Allow");
        s.putObject("Principal").put("AWS", "arn:aws:iam::" + other + ":root");
        actions(s, "kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant");
        s.put("Resource", "*");
        return policy.toPrettyString();
    }

    /** The policy AWS writes for the AWS managed key {@code aws/redshift} of {@code account} in {@code region}. */
    public static String awsManaged(String account, String region) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.put("Id", "auto-redshift-1");
        ArrayNode statements = policy.putArray("Statement");
        viaRedshift(
                statements.addObject(),
                account,
                region,
                "Allow access through Redshift for all principals in the account that are authorized to use Redshift");
        ObjectNode direct = statements.addObject();
        direct.put("Sid", "Allow direct access to key metadata to the account");
        direct.put("Effect", "Allow");
        direct.putObject("Principal").put("AWS", "arn:aws:iam::" + account + ":root");
        actions(direct, "kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant");
        direct.put("Resource", "*");
        return policy.toPrettyString();
    }

    private static ObjectNode console(String account, String region) {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.put("Id", "key-consolepolicy-3");
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode root = statements.addObject();
        root.put("Sid", "Enable IAM User Permissions");
        root.put("Effect", "Allow");
        root.putObject("Principal").put("AWS", "arn:aws:iam::" + account + ":root");
        root.put("Action", "kms:*");
        root.put("Resource", "*");
        ObjectNode admins = statements.addObject();
        admins.put("Sid", "Allow access for Key Administrators");
        admins.put("Effect", "Allow");
        admins.putObject("Principal").put("AWS", "arn:aws:iam::" + account + ":role/KeyAdmin");
        actions(
                admins,
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
        admins.put("Resource", "*");
        viaRedshift(
                statements.addObject(),
                account,
                region,
                "Allow access through Amazon Redshift for all principals in the account that are authorized to use"
                        + " Amazon Redshift");
        return policy;
    }

    /** Any principal of {@code account}, through Redshift in {@code region}: the grants Redshift makes. */
    private static void viaRedshift(ObjectNode s, String account, String region, String sid) {
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.putObject("Principal").put("AWS", "*");
        actions(
                s,
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:CreateGrant",
                "kms:ListGrants",
                "kms:DescribeKey");
        s.put("Resource", "*");
        ObjectNode equals = s.putObject("Condition").putObject("StringEquals");
        equals.put("kms:ViaService", "redshift." + region + ".amazonaws.com");
        equals.put("kms:CallerAccount", account);
    }

    private static void actions(ObjectNode s, String... actions) {
        ArrayNode a = s.putArray("Action");
        for (String action : actions) {
            a.add(action);
        }
    }
}
