package io.rsaudit.fix.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Rewriting a Serverless snapshot's resource policy without its untrusted principals. */
class SnapshotPolicyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Predicate<String> TRUSTED = Set.of("111111111111", "222222222222")::contains;

    static JsonNode tree(String policy) throws Exception {
        return JSON.readTree(policy);
    }

    @Test
    void onlyTheUntrustedPrincipalsOfRestoreStatementsGoEverythingElseStays() throws Exception {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111111111111\","
                + "\"arn:aws:iam::999988887777:root\",\"arn:aws:iam::222222222222:role/restore\"]},"
                + "\"Action\":[\"redshift-serverless:RestoreFromSnapshot\"],\"Condition\":{\"x\":{\"y\":\"z\"}}},"
                + "{\"Sid\":\"B\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"444455556666\"},"
                + "\"Action\":\"redshift:*\"},"
                + "{\"Sid\":\"C\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"777788889999\"},"
                + "\"Action\":\"redshift-serverless:GetSnapshot\"}]}";
        SnapshotPolicy.Edit edit = SnapshotPolicy.withoutUntrusted(policy, TRUSTED);
        assertThat(edit.problem()).isNull();
        assertThat(edit.leavesNoPrincipal()).isFalse();
        assertThat(edit.removedAccounts()).containsExactly("999988887777", "444455556666");
        JsonNode out = tree(edit.policy());
        assertThat(out.path("Version").asText()).isEqualTo("2012-10-17");
        // B lost its only principal and is dropped; C grants no restore and is not judged
        assertThat(out.path("Statement")).hasSize(2);
        JsonNode a = out.path("Statement").get(0);
        assertThat(a.path("Principal").path("AWS"))
                .isEqualTo(tree("[\"111111111111\",\"arn:aws:iam::222222222222:role/restore\"]"));
        assertThat(a.path("Condition")).isEqualTo(tree("{\"x\":{\"y\":\"z\"}}"));
        assertThat(out.path("Statement").get(1).path("Sid").asText()).isEqualTo("C");
    }

    @Test
    void aWildcardPrincipalIsNeverTrusted() throws Exception {
        String policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\",\"111111111111\"]},"
                + "\"Action\":\"*\"}}";
        SnapshotPolicy.Edit edit = SnapshotPolicy.withoutUntrusted(policy, TRUSTED);
        assertThat(edit.removedAccounts()).containsExactly("*");
        assertThat(tree(edit.policy())
                        .path("Statement")
                        .get(0)
                        .path("Principal")
                        .path("AWS")
                        .asText())
                .isEqualTo("111111111111");
    }

    @Test
    void removingEveryPrincipalLeavesNothingToPutAndIsSaidSo() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"999988887777\"},"
                + "\"Action\":\"redshift:RestoreFromClusterSnapshot\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"redshift-serverless:*\"}]}";
        SnapshotPolicy.Edit edit = SnapshotPolicy.withoutUntrusted(policy, TRUSTED);
        assertThat(edit.done()).isFalse();
        assertThat(edit.leavesNoPrincipal()).isTrue();
        assertThat(edit.removedAccounts()).containsExactly("999988887777");
    }

    @Test
    void whatCannotBeRewrittenSafelyIsRefusedWithWhy() {
        assertThat(SnapshotPolicy.withoutUntrusted("not json", TRUSTED).problem())
                .startsWith("the resource policy is not JSON");
        assertThat(SnapshotPolicy.withoutUntrusted("{\"Version\":\"2012-10-17\"}", TRUSTED)
                        .problem())
                .isEqualTo("the resource policy has no Statement");
        assertThat(SnapshotPolicy.withoutUntrusted(
                                "{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"111111111111\"},"
                                        + "\"Action\":\"redshift-serverless:RestoreFromSnapshot\"}]}",
                                TRUSTED)
                        .problem())
                .contains("NotPrincipal");
        assertThat(SnapshotPolicy.withoutUntrusted(
                                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                                        + "\"Action\":\"redshift-serverless:RestoreFromSnapshot\"}]}",
                                TRUSTED)
                        .problem())
                .contains("no principal of the resource policy's restore statements is an untrusted account");
    }

    @Test
    void aNotActionThatLeavesARestoreOutGrantsIt() throws Exception {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111111111111\","
                + "\"999988887777\"]},\"NotAction\":\"redshift:RestoreFromClusterSnapshot\"}]}";
        SnapshotPolicy.Edit edit = SnapshotPolicy.withoutUntrusted(policy, TRUSTED);
        assertThat(edit.removedAccounts()).containsExactly("999988887777");
        String both = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"999988887777\"},"
                + "\"NotAction\":[\"redshift:Restore*\",\"redshift-serverless:Restore*\"]}]}";
        assertThat(SnapshotPolicy.withoutUntrusted(both, TRUSTED).problem()).startsWith("no principal");
    }
}
