package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.testing.Estate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account whose regions were never collected (its role could not be assumed, or its region list could not be
 * read) is a collection error naming the account and why, never a silent empty account.
 */
class UncollectedAccountTest {

    static final String ASSUME_ROLE_DENIED = "An error occurred (AccessDenied) when calling the AssumeRole operation"
            + " [sts:AssumeRole, account 333333333333]: not authorized to perform sts:AssumeRole\n";

    @TempDir
    Path dir;

    private static List<CollectionError> errors(Inventory inv) {
        return inv.errors().stream().filter(e -> !e.isWarning()).toList();
    }

    @Test
    void anAccountWithOnlyTheIdentityErrorSaysNothingOfItWasCollectedAndWhy() {
        Inventory inv = Estate.in(dir)
                .text("333333333333/sts/get-caller-identity.error", ASSUME_ROLE_DENIED)
                .json("111111111111/sts/get-caller-identity.json", "{'Account': '111111111111'}")
                .json("111111111111/eu-west-1/redshift/describe-clusters.json", "{'Clusters': []}")
                .load();
        assertThat(errors(inv))
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CALL_FAILED);
                    assertThat(e.location()).isEqualTo("333333333333/sts/get-caller-identity.error");
                    assertThat(e.message())
                            .contains("AssumeRole")
                            .contains("AccessDenied")
                            .contains("333333333333");
                })
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_COLLECTED);
                    assertThat(e.location()).isEqualTo("333333333333/");
                    assertThat(e.message())
                            .contains("nothing of account 333333333333 was collected")
                            .contains("sts/get-caller-identity");
                });
    }

    @Test
    void aFailedRegionListIsReportedForTheAccount() {
        Inventory inv = Estate.in(dir)
                .json("111111111111/sts/get-caller-identity.json", "{'Account': '111111111111'}")
                .text(
                        "111111111111/ec2/describe-regions.error",
                        "An error occurred (UnauthorizedOperation) when"
                                + " calling the DescribeRegions operation [ec2:DescribeRegions, account 111111111111]: denied\n")
                .load();
        assertThat(errors(inv)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.CALL_FAILED);
            assertThat(e.location()).isEqualTo("111111111111/ec2/describe-regions.error");
            assertThat(e.message())
                    .contains("no region of this account was collected")
                    .contains("UnauthorizedOperation");
        });
    }

    @Test
    void anythingElseInTheAccountsEc2FolderIsALayoutError() {
        Inventory inv = Estate.in(dir)
                .json("111111111111/sts/get-caller-identity.json", "{'Account': '111111111111'}")
                .json("111111111111/eu-west-1/redshift/describe-clusters.json", "{'Clusters': []}")
                .json("111111111111/ec2/describe-security-groups.json", "{'SecurityGroups': []}")
                .load();
        assertThat(inv.errors()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(Kind.LAYOUT);
            assertThat(e.location()).isEqualTo("111111111111/ec2/describe-security-groups.json");
        });
    }
}
