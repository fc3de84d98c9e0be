package io.rsaudit.testkit.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The grants of a key as {@code ListGrants} answers (the AWS CLI's {@code list-grants}, every page), for the simulator
 * to serve and the estate generator to write: the ones Redshift makes for itself on a key it encrypts with (its
 * service principal in the key's region, and the account's Redshift service-linked role), and, for a key opened to
 * another account, a grant to a role of that account. Grant ids are derived from the key and the grantee, so the same
 * key always has the same grants.
 */
public final class KeyGrants {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What Redshift may do with a key through the grant to its service principal. */
    private static final String[] REDSHIFT_OPERATIONS = {
        "Decrypt",
        "Encrypt",
        "GenerateDataKey",
        "GenerateDataKeyWithoutPlaintext",
        "ReEncryptFrom",
        "ReEncryptTo",
        "CreateGrant",
        "RetireGrant",
        "DescribeKey"
    };

    private KeyGrants() {}

    /** The grants Redshift holds on key {@code keyId} of {@code account} in {@code region}. */
    public static ObjectNode redshift(String account, String region, String keyId) {
        return answer(redshiftGrants(account, region, keyId));
    }

    /** Redshift's grants, and one that lets the role {@code vendor-restore} of {@code other} decrypt and grant on. */
    public static ObjectNode toAccount(String account, String region, String keyId, String other) {
        ArrayNode grants = redshiftGrants(account, region, keyId);
        grant(
                grants,
                account,
                region,
                keyId,
                "arn:aws:iam::" + other + ":role/vendor-restore",
                "arn:aws:iam::" + other + ":root",
                "Decrypt",
                "DescribeKey",
                "CreateGrant");
        return answer(grants);
    }

    private static ArrayNode redshiftGrants(String account, String region, String keyId) {
        ArrayNode grants = JSON.createArrayNode();
        String service = "redshift." + region + ".amazonaws.com";
        grant(grants, account, region, keyId, service, service, REDSHIFT_OPERATIONS);
        grant(
                grants,
                account,
                region,
                keyId,
                "arn:aws:iam::" + account + ":role/aws-service-role/redshift.amazonaws.com/AWSServiceRoleForRedshift",
                null,
                "Decrypt",
                "DescribeKey");
        return grants;
    }

    /** The whole list, as the CLI prints it after following the pages. */
    private static ObjectNode answer(ArrayNode grants) {
        ObjectNode answer = JSON.createObjectNode();
        answer.set("Grants", grants);
        answer.put("Truncated", false);
        return answer;
    }

    private static void grant(
            ArrayNode grants,
            String account,
            String region,
            String keyId,
            String grantee,
            String retiring,
            String... operations) {
        ObjectNode g = grants.addObject();
        g.put("KeyId", "arn:aws:kms:" + region + ":" + account + ":key/" + keyId);
        g.put("GrantId", id(keyId + " " + grantee));
        g.put("Name", "");
        g.put("CreationDate", "2024-01-15T09:30:00+00:00");
        g.put("GranteePrincipal", grantee);
        if (retiring != null) {
            g.put("RetiringPrincipal", retiring);
        }
        g.put("IssuingAccount", "arn:aws:iam::" + account + ":root");
        ArrayNode ops = g.putArray("Operations");
        for (String op : operations) {
            ops.add(op);
        }
    }

    /** A grant id as KMS shows one: 64 hex digits. */
    private static String id(String seed) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
