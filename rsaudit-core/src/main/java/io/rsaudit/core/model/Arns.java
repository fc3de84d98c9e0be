package io.rsaudit.core.model;

/** ARN helpers for resources whose API output carries no ARN. */
public final class Arns {

    private Arns() {}

    /**
     * The partition a region belongs to, by the region prefixes AWS gives each partition; {@code aws} for
     * account-wide things. A test in rsaudit-aws keeps this equal to the SDK's region metadata.
     */
    public static String partition(String region) {
        if (region == null) {
            return "aws";
        }
        for (String[] p : PARTITIONS) {
            if (region.startsWith(p[0])) {
                return p[1];
            }
        }
        return "aws";
    }

    private static final String[][] PARTITIONS = {
        {"cn-", "aws-cn"},
        {"us-gov-", "aws-us-gov"},
        {"us-iso-", "aws-iso"},
        {"us-isob-", "aws-iso-b"},
        {"eu-isoe-", "aws-iso-e"},
        {"us-isof-", "aws-iso-f"},
        {"eusc-", "aws-eusc"}
    };

    public static String redshift(Scope scope, String resourceType, String name) {
        return "arn:" + scope.partition() + ":redshift:" + scope.region() + ":" + scope.account() + ":" + resourceType
                + ":" + name;
    }

    public static String account(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    /** The region named in an ARN, or {@code null} when the text is not an ARN. */
    public static String region(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : null;
    }

    /**
     * The account a value names: a 12-digit account id, or the account of an ARN ({@code arn:aws:kms:eu-west-1:
     * 111122223333:key/...}); {@code null} for anything else (a key id, an alias, an ARN without an account).
     */
    public static String accountNamed(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (isAccountId(v)) {
            return v;
        }
        String account = accountOf(v);
        return account != null && isAccountId(account) ? account : null;
    }

    /** Whether {@code s} is an account id: twelve digits. */
    public static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The account named in an ARN, or {@code null} when the text is not an ARN. */
    public static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && !parts[4].isEmpty() ? parts[4] : null;
    }
}
