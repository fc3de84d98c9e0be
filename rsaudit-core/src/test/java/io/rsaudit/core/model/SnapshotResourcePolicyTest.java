package io.rsaudit.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.SnapshotResourcePolicy.Grantees;
import org.junit.jupiter.api.Test;

class SnapshotResourcePolicyTest {

    @Test
    void theRestoreStatementsNameTheirAccounts() {
        Grantees g = SnapshotResourcePolicy.restoreGrantees("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": ["111122223333", "arn:aws:iam::444455556666:root"]},
                   "Action": ["redshift-serverless:RestoreFromSnapshot"]},
                  {"Effect": "Allow", "Principal": {"AWS": "777788889999"},
                   "Action": "redshift-serverless:DescribeSnapshots"},
                  {"Effect": "Deny", "Principal": "*", "Action": "redshift-serverless:RestoreFromSnapshot"}]}
                """);
        assertThat(g.problem()).isNull();
        assertThat(g.accounts()).containsExactly("111122223333", "444455556666");
        assertThat(g.unplaced()).isEmpty();
    }

    @Test
    void anyoneAndWhatNamesNoAccountAreTold() {
        Grantees g = SnapshotResourcePolicy.restoreGrantees("""
                {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "redshift-serverless:*"}}
                """);
        assertThat(g.accounts()).containsExactly("*");
        Grantees other = SnapshotResourcePolicy.restoreGrantees("""
                {"Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "redshift.amazonaws.com", "AWS": "AIDAEXAMPLE"},
                   "Action": "redshift:RestoreFromClusterSnapshot"},
                  {"Effect": "Allow", "NotPrincipal": {"AWS": "111122223333"}, "NotAction": "redshift:Get*"}]}
                """);
        assertThat(other.accounts()).isEmpty();
        assertThat(other.unplaced())
                .containsExactly(
                        "Service redshift.amazonaws.com", "AWS AIDAEXAMPLE", "NotPrincipal {\"AWS\":\"111122223333\"}");
    }

    @Test
    void aTextThatIsNoPolicyIsAProblem() {
        assertThat(SnapshotResourcePolicy.restoreGrantees("{not json").problem())
                .startsWith("the resource policy is not JSON");
        assertThat(SnapshotResourcePolicy.restoreGrantees("{\"Version\":\"2012-10-17\"}")
                        .problem())
                .isEqualTo("the resource policy has no Statement");
        assertThat(SnapshotResourcePolicy.restoreGrantees("").problem()).isNotNull();
        // an attacker writes the policy: nesting deeper than the parser allows is a problem, not a stack overflow
        assertThat(SnapshotResourcePolicy.restoreGrantees("[".repeat(100_000)).problem())
                .startsWith("the resource policy is not JSON");
    }
}
