package io.rsaudit.core.model;

import io.rsaudit.core.model.KeyPolicy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which accounts the {@code Allow} statements of a key policy let use the key. A statement lets use the key when
 * its actions cover one of {@link #USES}; its {@code AWS} principals name accounts (an id, an IAM or STS ARN, or
 * {@code *} for any); {@code Service} principals are AWS services, not accounts, and are skipped. A principal {@code *}
 * (or a {@code NotPrincipal}) is narrowed to accounts only by a condition on {@code kms:CallerAccount} or {@code
 * aws:PrincipalAccount} that lists them exactly, or, when the reader is given the organizations it trusts, on {@code
 * aws:PrincipalOrgID} (an organization is then judged as an account is). Conditions on a named principal only narrow
 * who in its account may use the key, and {@code Deny} statements are not evaluated: the reading only says whether
 * there are any. Read by the scan's key policy check and by the hunt's judgement of a {@code PutKeyPolicy}.
 */
public final class KeyPolicyUse {

    /** The KMS operations that use a key on data, or hand its use on (a grant): what another account must not get. */
    public static final List<String> USES = List.of(
            "kms:Decrypt",
            "kms:ReEncryptFrom",
            "kms:ReEncryptTo",
            "kms:CreateGrant",
            "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext",
            "kms:Encrypt");

    /** The condition keys that hold the calling principal's account, lower-case (condition keys ignore case). */
    private static final Set<String> ACCOUNT_KEYS = Set.of("kms:calleraccount", "aws:principalaccount");

    /** The condition key that holds the calling principal's organization, lower-case. */
    private static final String ORGANIZATION_KEY = "aws:principalorgid";

    /** The operators under which an account condition key lists exactly the accounts admitted. */
    private static final Set<String> EXACT =
            Set.of("StringEquals", "StringEqualsIgnoreCase", "ForAnyValue:StringEquals", "StringLike");

    /**
     * What the policy's statements say.
     *
     * @param untrusted the accounts outside the trusted ones that statements name, as principals or in an account
     *     condition
     * @param grantsToUntrusted each statement that lets such accounts use the key, in words
     * @param grantsToAnyone each statement that lets any account use the key, without a condition
     * @param unjudged each statement whose principals or conditions cannot be placed in accounts, in words
     * @param trusted the trusted accounts statements let use the key
     * @param denies whether the policy has {@code Deny} statements
     */
    public record Reading(
            Set<String> untrusted,
            List<String> grantsToUntrusted,
            List<String> grantsToAnyone,
            List<String> unjudged,
            Set<String> trusted,
            boolean denies) {

        /**
         * Whether the policy lets a principal outside the trusted accounts use the key: one named, or any without a
         * condition when no {@code Deny} statement may take that away.
         */
        public boolean opensToUntrusted() {
            return !untrusted.isEmpty() || !grantsToAnyone.isEmpty() && !denies;
        }
    }

    private final Predicate<String> trusts;
    /** Whether organizations are judged ({@link #ORGANIZATION_KEY}); otherwise such a condition cannot be. */
    private final boolean organizations;

    private final Set<String> untrusted = new LinkedHashSet<>();
    private final List<String> grantsToUntrusted = new ArrayList<>();
    private final List<String> grantsToAnyone = new ArrayList<>();
    private final List<String> unjudged = new ArrayList<>();
    private final Set<String> trusted = new LinkedHashSet<>();

    private KeyPolicyUse(Predicate<String> trusts, boolean organizations) {
        this.trusts = trusts;
        this.organizations = organizations;
    }

    /**
     * Reads {@code policy}, judging accounts by {@code trusts}: whether an account may use the key (the key's own, or
     * one the rsaudit policy trusts); with {@code organizations}, also an {@code aws:PrincipalOrgID} condition, whose
     * organization ids ({@code o-...}) {@code trusts} judges too.
     */
    public static Reading read(KeyPolicy policy, Predicate<String> trusts, boolean organizations) {
        KeyPolicyUse use = new KeyPolicyUse(trusts, organizations);
        boolean denies = false;
        for (Statement s : policy.statements()) {
            if (!s.isAllow()) {
                denies = true;
            } else {
                List<String> uses = USES.stream().filter(s::covers).toList();
                if (!uses.isEmpty()) {
                    use.statement(s, " (" + String.join(", ", uses) + ")");
                }
            }
        }
        return new Reading(use.untrusted, use.grantsToUntrusted, use.grantsToAnyone, use.unjudged, use.trusted, denies);
    }

    /** An {@code Allow} statement that lets its principals make the calls {@code uses} names. */
    private void statement(Statement s, String uses) {
        if (!s.notPrincipal().isEmpty()) {
            anyone(s, "every principal but those its NotPrincipal names", uses);
            return;
        }
        List<String> outside = new ArrayList<>();
        for (Map.Entry<String, List<String>> kind : s.principal().entrySet()) {
            if (kind.getKey().equals("Service")) {
                continue;
            }
            if (!kind.getKey().equals("AWS")) {
                unjudged.add(s.label() + " lets " + kind.getKey() + " principals " + String.join(", ", kind.getValue())
                        + " use the key" + uses + ", and rsaudit cannot tell their accounts");
                continue;
            }
            for (String principal : kind.getValue()) {
                String account = IamPolicies.principalAccount(principal);
                if (account == null) {
                    unjudged.add(s.label() + " lets principal " + principal + " use the key" + uses
                            + ", and rsaudit cannot tell its account");
                } else if (account.equals("*")) {
                    anyone(s, "any AWS principal (*)", uses);
                } else if (trusts.test(account)) {
                    trusted.add(account);
                } else if (!outside.contains(account)) {
                    outside.add(account);
                }
            }
        }
        if (!outside.isEmpty()) {
            untrusted.addAll(outside);
            grantsToUntrusted.add(s.label() + " lets " + String.join(", ", outside) + " use the key" + uses);
        }
    }

    /** A statement that lets {@code who}, any account, use the key unless an account condition narrows it. */
    private void anyone(Statement s, String who, String uses) {
        if (s.condition().isEmpty()) {
            grantsToAnyone.add(s.label() + " lets " + who + " use the key" + uses + " with no Condition");
            return;
        }
        List<String> judged = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> operator :
                s.condition().entrySet()) {
            for (Map.Entry<String, List<String>> key : operator.getValue().entrySet()) {
                String condition = operator.getKey() + " " + key.getKey();
                if (!isAccountList(operator.getKey(), key.getKey(), key.getValue())) {
                    others.add(condition);
                    continue;
                }
                List<String> out =
                        key.getValue().stream().filter(a -> !trusts.test(a)).toList();
                if (out.isEmpty()) {
                    // the conditions of a statement all hold at once: this one alone keeps it to trusted accounts
                    trusted.addAll(key.getValue());
                    return;
                }
                judged.add(condition);
                out.stream().filter(a -> !outside.contains(a)).forEach(outside::add);
            }
        }
        if (!outside.isEmpty()) {
            untrusted.addAll(outside);
            grantsToUntrusted.add(s.label() + " lets " + who + " of " + String.join(", ", outside) + " ("
                    + String.join(", ", judged) + ") use the key" + uses);
            return;
        }
        unjudged.add(s.label() + " lets " + who + " use the key" + uses + " under conditions rsaudit cannot place in"
                + " accounts (" + String.join(", ", others) + "; it does not know which accounts an organization or"
                + " a service admits)");
    }

    /**
     * Whether the condition lists exactly the accounts (or, when judged, organizations) it admits: an exact match on
     * such a key, no wildcard.
     */
    private boolean isAccountList(String operator, String key, List<String> values) {
        String lower = key.toLowerCase(Locale.ROOT);
        return EXACT.contains(operator)
                && (ACCOUNT_KEYS.contains(lower) || organizations && lower.equals(ORGANIZATION_KEY))
                && values.stream().noneMatch(v -> v.contains("*") || v.contains("?") || v.contains("${"));
    }
}
