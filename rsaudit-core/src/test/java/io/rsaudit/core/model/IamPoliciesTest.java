package io.rsaudit.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IamPoliciesTest {

    @Test
    void principalsAreReadAsAccountsWhereTheirFormSaysOne() {
        assertThat(IamPolicies.principalAccount("999988887777")).isEqualTo("999988887777");
        assertThat(IamPolicies.principalAccount("arn:aws:iam::999988887777:root"))
                .isEqualTo("999988887777");
        assertThat(IamPolicies.principalAccount("arn:aws-cn:sts::999988887777:assumed-role/r/s"))
                .isEqualTo("999988887777");
        assertThat(IamPolicies.principalAccount("*")).isEqualTo("*");
        assertThat(IamPolicies.principalAccount("AIDAEXAMPLE")).isNull();
    }

    @Test
    void actionsMatchLikeIam() {
        assertThat(IamPolicies.actionMatches("Redshift-Serverless:Restore*", "redshift-serverless:RestoreFromSnapshot"))
                .isTrue();
        assertThat(IamPolicies.actionMatches(
                        "redshift:Restore?romClusterSnapshot", "redshift:RestoreFromClusterSnapshot"))
                .isTrue();
        assertThat(IamPolicies.actionMatches("*", "redshift:RestoreFromClusterSnapshot"))
                .isTrue();
        assertThat(IamPolicies.actionMatches("redshift:*Snap*", "redshift:RestoreFromClusterSnapshot"))
                .isTrue();
        assertThat(IamPolicies.actionMatches("redshift:Get*", "redshift:RestoreFromClusterSnapshot"))
                .isFalse();
        assertThat(IamPolicies.actionMatches("redshift:Restore", "redshift:RestoreFromClusterSnapshot"))
                .isFalse();
    }

    @Test
    @Timeout(5)
    void aPatternOfManyStarsDoesNotBacktrack() {
        String pattern = "*a".repeat(5_000) + "z";
        assertThat(IamPolicies.actionMatches(pattern, "a".repeat(5_000))).isFalse();
    }
}
