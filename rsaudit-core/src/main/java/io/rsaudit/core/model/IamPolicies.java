package io.rsaudit.core.model;

import java.util.Locale;

/**
 * How IAM reads the principals and actions of a policy document, for the readers of AWS's policies (a Serverless
 * snapshot's resource policy, a KMS key policy) and a key's grants: which account a principal is of, and whether an
 * action pattern covers an action.
 */
public final class IamPolicies {

    private IamPolicies() {}

    /**
     * The account of an {@code AWS} principal: {@code *}, the id, the account of an IAM or STS ARN ({@code
     * arn:PARTITION:iam::ACCOUNT:...}), or {@code null} for a form it cannot tell.
     */
    public static String principalAccount(String principal) {
        String p = principal.strip();
        if (p.equals("*") || Arns.isAccountId(p)) {
            return p;
        }
        String[] parts = p.split(":", 6);
        boolean arn = parts.length == 6
                && parts[0].equals("arn")
                && !parts[1].isEmpty()
                && (parts[2].equals("iam") || parts[2].equals("sts"))
                && parts[3].isEmpty()
                && Arns.isAccountId(parts[4])
                && !parts[5].isEmpty();
        return arn ? parts[4] : null;
    }

    /**
     * IAM action matching: case-insensitive, {@code *} any run of characters, {@code ?} one character. Greedy with
     * one step back to the last {@code *}: time at most the product of the two lengths, whatever a policy's author
     * writes (a regular expression of its {@code *}s would backtrack).
     */
    public static boolean actionMatches(String pattern, String action) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String a = action.toLowerCase(Locale.ROOT);
        int i = 0;
        int j = 0;
        int star = -1;
        int resume = 0;
        while (j < a.length()) {
            if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == a.charAt(j))) {
                i++;
                j++;
            } else if (i < p.length() && p.charAt(i) == '*') {
                star = i++;
                resume = j;
            } else if (star >= 0) {
                i = star + 1;
                j = ++resume;
            } else {
                return false;
            }
        }
        while (i < p.length() && p.charAt(i) == '*') {
            i++;
        }
        return i == p.length();
    }
}
