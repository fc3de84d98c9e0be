package io.rsaudit.aws.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.aws.LiveOptions;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.Verdict;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.testkit.sim.SimOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live scan end to end: the collector, over the SDK, against the simulator serving {@code examples/estate}
 * (two accounts, three regions each, pages forced to two items), judged by the same catalog as the offline scan of
 * that folder. The last test proves from every scan's recorded SDK operations that the scans only read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveScanEndToEndTest {

    private static final SimOptions SMALL_PAGES =
            SimOptions.builder().maxPageSize(2).build();
    private static Scan offline;

    @BeforeAll
    static void offlineScan() {
        offline = Scan.offline(Scan.ESTATE);
        assertThat(offline.findings()).hasSizeGreaterThan(50);
    }

    /**
     * The round trip the live scan rests on. One collection, read two ways: straight from the SDK's responses (the
     * live scan) and from the export written from those same responses (an offline scan of it). Both are judged
     * exactly as the folder the simulator served, finding for finding (check, resource, result, message, ARN, the
     * evidence's value and status; where a value came from legitimately differs: the live scan names the API call,
     * the offline one the file), with the same account-regions and the same collection errors. The export itself is
     * the folder again, evidence locations included.
     */
    @Test
    @Order(1)
    void aLiveScanAndAnOfflineScanOfItsExportAreJudgedExactlyAsTheEstateItself(@TempDir Path export)
            throws IOException {
        Scan live = Scan.live(SMALL_PAGES, false, export);
        Scan exported = Scan.offline(export);
        assertThat(live.scopes()).isEqualTo(offline.scopes());
        assertThat(live.model()).hasSizeGreaterThan(50).containsExactlyElementsOf(exported.model());
        assertThat(live.findings().stream().filter(f -> !exported.findings().contains(f)))
                .as("judged live, not offline")
                .isEmpty();
        assertThat(exported.findings().stream().filter(f -> !live.findings().contains(f)))
                .as("judged offline, not live")
                .isEmpty();
        assertThat(live.findings()).containsExactlyElementsOf(exported.findings());
        assertThat(live.findings()).containsExactlyElementsOf(offline.findings());
        assertThat(exported.evidence()).containsExactlyElementsOf(offline.evidence());
        assertThat(live.errors())
                .extracting(CollectionError::kind)
                .containsExactlyElementsOf(
                        offline.errors().stream().map(CollectionError::kind).toList());
        assertThat(exported.errors())
                .extracting(CollectionError::kind, CollectionError::location)
                .containsExactlyElementsOf(offline.errors().stream()
                        .map(e -> tuple(e.kind(), e.location()))
                        .toList());
        // the only collection error is the one the estate itself holds: the denied DescribeLoggingStatus, named by
        // the call that failed
        assertThat(live.errors()).singleElement().satisfies(e -> {
            assertThat(e.location())
                    .startsWith("aws://222222222222/us-east-1/redshift:DescribeLoggingStatus/analytics-sandbox")
                    .contains("request-id=");
            assertThat(e.message())
                    .contains("AccessDenied")
                    .contains("redshift:DescribeLoggingStatus, account 222222222222, region us-east-1");
        });
        assertThat(live.collected().failed()).isEqualTo(1);
        assertThat(live.collected().problems()).isEmpty();
        assertThat(live.requests())
                .as("pages were forced small, so lists took several pages")
                .filteredOn(r -> r.operation().equals("DescribeClusterSnapshots"))
                .hasSizeGreaterThan(6);
    }

    /**
     * Every live value names the call its answer came from: account, region, IAM action, the resource of a
     * per-resource call, the page of a paged one, AWS's request id, and the JSON pointer inside the answer.
     */
    @Test
    @Order(1)
    void liveEvidenceNamesTheApiCallAndTheRequest(@TempDir Path export) throws IOException {
        Scan live = Scan.live(SMALL_PAGES, false, export);
        assertThat(live.locations()).hasSizeGreaterThan(50).allSatisfy(location -> {
            assertThat(location)
                    .matches("aws://\\d{12}(/[a-z]{2}-[a-z]+-\\d)?/[a-z0-9-]+:[A-Za-z]+(/[^?#]+)?"
                            + "(\\?(page=\\d+&)?request-id=[0-9a-f-]+)?#(/[^#]*)?");
            assertThat(AwsCliCall.ofLocation(location.substring(0, location.indexOf('#'))))
                    .as(location)
                    .isPresent();
        });
        assertThat(live.locations())
                .as("a snapshot on the third page of its list")
                .anySatisfy(l -> assertThat(l)
                        .contains("/redshift:DescribeClusterSnapshots?page=3&request-id=")
                        .contains("#/Snapshots/"))
                .as("a cluster's logging status, by cluster")
                .anySatisfy(l -> assertThat(l).contains("/redshift:DescribeLoggingStatus/"));
    }

    @Test
    @Order(2)
    void accountsFromTheOrganizationScanTheSame(@TempDir Path export) throws IOException {
        Scan live = Scan.live(SMALL_PAGES.toBuilder().suspended("333333333333").build(), true, export);
        assertThat(live.findings()).containsExactlyElementsOf(offline.findings());
        assertThat(live.collected().accounts()).containsExactlyElementsOf(Scan.ACCOUNTS);
        assertThat(export.resolve("333333333333"))
                .as("a suspended account is not collected")
                .doesNotExist();
    }

    /**
     * Throttling and server errors on a share of calls: the SDK retries them away and the verdict is unchanged. One
     * account, whole pages and at most one fault in a row for the same request keep the SDK's back-offs (up to a
     * second or two for a throttle, and the adaptive client's slowing down) few; what proves the retries is that
     * faults were answered and yet no call of the account failed. The faults are a function of the seed and the
     * request, so the same requests meet them on every run.
     */
    @Test
    @Order(3)
    void throttlingAndServerErrorsAreRetriedAway() throws IOException {
        String account = "111111111111";
        Scan live = Scan.live(
                SimOptions.builder()
                        .throttleRate(0.2)
                        .serverErrorRate(0.05)
                        .maxFaultsInARow(1)
                        .seed(11)
                        .build(),
                o -> o.withRole(Scan.ROLE, null, List.of(account), false));
        assertThat(live.requests())
                .as("throttles were answered")
                .filteredOn(r -> r.outcome().contains("Throttl") || r.outcome().equals("RequestLimitExceeded"))
                .hasSizeGreaterThan(3);
        assertThat(live.requests())
                .as("server errors were answered")
                .filteredOn(
                        r -> r.outcome().startsWith("Internal") || r.outcome().contains("Unavailable"))
                .isNotEmpty();
        List<String> own = offline.findings().stream()
                .filter(f -> f.contains(" | " + account + "/"))
                .toList();
        assertThat(own).hasSizeGreaterThan(20);
        assertThat(live.findings().stream()
                        .filter(f -> f.contains(" | " + account + "/"))
                        .toList())
                .containsExactlyElementsOf(own);
        assertThat(live.collected().failed()).as("every fault was retried away").isZero();
    }

    @Test
    @Order(4)
    void accessDeniedInOneRegionIsNamedAndOnlyThatRegionIsUnknown() throws IOException {
        String account = "222222222222";
        String region = "eu-west-2";
        Scan live =
                Scan.live(SMALL_PAGES.toBuilder().denyRegion(account, region).build());
        List<String> errors = Scan.errorTexts(live.errors());
        // each denied call names its action; what depended on a denied list (security groups) was not asked
        assertThat(errors)
                .filteredOn(e -> e.startsWith("CALL_FAILED aws://" + account + "/" + region + "/"))
                .hasSizeGreaterThan(5)
                .allSatisfy(e -> assertThat(e)
                        .contains("AccessDenied")
                        .contains("account " + account)
                        .contains("region " + region)
                        .containsPattern("\\[(redshift|redshift-serverless|ec2|cloudtrail|kms):[A-Z][A-Za-z]+,"));
        assertThat(errors)
                .filteredOn(e -> e.contains(account + "/" + region))
                .allSatisfy(e -> assertThat(e).matches("(CALL_FAILED|NOT_COLLECTED) .*"));
        assertThat(errors)
                .anySatisfy(
                        e -> assertThat(e).contains("redshift:DescribeClusters").contains(region));
        String scope = " | " + account + "/" + region + "/";
        // a cluster elsewhere that copies its snapshots into the denied region cannot have its copies' key judged
        String copyInto = "RS-ATREST-011 | " + account + "/eu-west-1/analytics-main | ";
        assertThat(live.findings())
                .filteredOn(f -> f.startsWith(copyInto))
                .singleElement()
                .satisfies(f -> assertThat(f).contains(" | UNKNOWN | ").contains(region));
        // outside the denied region: exactly the offline verdicts
        assertThat(live.findings().stream()
                        .filter(f -> !f.contains(scope) && !f.startsWith(copyInto))
                        .toList())
                .containsExactlyElementsOf(offline.findings().stream()
                        .filter(f -> !f.contains(scope) && !f.startsWith(copyInto))
                        .toList());
        // inside it: nothing was read, so nothing there is judged PASS or FAIL
        assertThat(live.findings())
                .filteredOn(f -> f.contains(scope))
                .allSatisfy(f -> assertThat(f).containsAnyOf(" | UNKNOWN | ", " | NOT_APPLICABLE | "));
        assertThat(live.verdict()).isEqualTo(Verdict.INCOMPLETE);
    }

    /**
     * Each part of a region's inventory is collected on its own: a denied Serverless list leaves the provisioned
     * clusters' verdicts (their security groups, parameter groups, snapshots, keys) exactly as offline.
     */
    @Test
    @Order(5)
    void aDeniedServerlessListLeavesTheProvisionedVerdictsAlone() throws IOException {
        Scan live = Scan.live(SMALL_PAGES.toBuilder()
                .denyAction("redshift-serverless:ListWorkgroups")
                .build());
        assertThat(Scan.errorTexts(live.errors()))
                .filteredOn(e -> e.contains("redshift-serverless:ListWorkgroups"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e).contains("AccessDenied").containsPattern("account \\d{12}"));
        Predicate<String> provisioned = f -> f.contains(":redshift:") && !f.contains(":redshift-serverless:");
        List<String> expected = offline.findings().stream().filter(provisioned).toList();
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(live.findings().stream().filter(provisioned).toList()).containsExactlyElementsOf(expected);
        // the workgroups were never listed: none is judged, and the scan says it is incomplete
        assertThat(live.findings())
                .noneMatch(f -> f.contains(":workgroup/") && (f.contains(" | PASS | ") || f.contains(" | FAIL | ")));
        assertThat(live.verdict()).isEqualTo(Verdict.INCOMPLETE);
    }

    /**
     * Event subscriptions and subnet groups are parts of their own: denied, they leave only their own checks UNKNOWN,
     * once per region through the '*' stand-in that names the denied call, and every other verdict as offline.
     */
    @Test
    @Order(5)
    void deniedEventSubscriptionsAndSubnetGroupsLeaveOnlyTheirChecksUnknown() throws IOException {
        Scan live = Scan.live(SMALL_PAGES.toBuilder()
                .denyAction("redshift:DescribeEventSubscriptions")
                .denyAction("redshift:DescribeClusterSubnetGroups")
                .build());
        Predicate<String> theirs =
                f -> f.startsWith("RS-TAG-004 ") || f.startsWith("RS-TAG-005 ") || f.startsWith("RS-RES-003 ");
        List<String> expected =
                offline.findings().stream().filter(theirs.negate()).toList();
        assertThat(live.findings().stream().filter(theirs.negate()).toList()).containsExactlyElementsOf(expected);
        int regions = 6;
        // the evidence of each is the denied call's answer: aws://<account>/<region>/redshift:Describe...
        assertThat(live.evidence())
                .filteredOn(theirs)
                .hasSize(3 * regions)
                .allSatisfy(f -> assertThat(f)
                        .contains("/* | UNKNOWN | ")
                        .contains("AccessDenied")
                        .containsPattern("\\| aws://\\d{12}/[a-z0-9-]+/redshift:Describe"
                                + "(EventSubscriptions|ClusterSubnetGroups)"));
        assertThat(Scan.errorTexts(live.errors()))
                .filteredOn(e -> e.contains("redshift:DescribeEventSubscriptions")
                        || e.contains("redshift:DescribeClusterSubnetGroups"))
                .hasSize(2 * regions);
        assertThat(live.verdict()).isEqualTo(Verdict.INCOMPLETE);
    }

    /**
     * A denied cloudtrail:LookupEvents makes the key rotation age (RS-ATREST-012) unknown where only the lookup could
     * have told, naming the call (account, region, action, AWS's error code); every other verdict is the offline one.
     */
    @Test
    @Order(5)
    void aDeniedLookupMakesOnlyTheRotationAgeUnknownNamingTheCall() throws IOException {
        Scan live = Scan.live(
                SMALL_PAGES.toBuilder().denyAction("cloudtrail:LookupEvents").build());
        assertThat(Scan.errorTexts(live.errors()))
                .filteredOn(e -> e.contains("cloudtrail:LookupEvents"))
                .hasSize(6)
                .allSatisfy(e -> assertThat(e).contains("AccessDenied").containsPattern("account \\d{12}"));
        Predicate<String> rotation = f -> f.startsWith("RS-ATREST-012 | ");
        assertThat(live.findings().stream().filter(rotation.negate()).toList())
                .containsExactlyElementsOf(
                        offline.findings().stream().filter(rotation.negate()).toList());
        List<String> changed = live.findings().stream()
                .filter(rotation)
                .filter(f -> !offline.findings().contains(f))
                .toList();
        assertThat(changed)
                .as("the rotation the lookup found is no longer seen")
                .anySatisfy(f -> assertThat(f).contains("analytics-risk-hsm"))
                .allSatisfy(f -> assertThat(f).contains(" | UNKNOWN | "));
        assertThat(live.messages())
                .filteredOn(m -> m.startsWith("RS-ATREST-012 | ") && m.contains(" | UNKNOWN | "))
                .hasSizeGreaterThanOrEqualTo(changed.size())
                .allSatisfy(m -> assertThat(m)
                        .contains("cloudtrail:LookupEvents")
                        .contains("AccessDenied")
                        .containsPattern("account \\d{12}, region [a-z]{2}-[a-z]+-\\d"));
    }

    /**
     * An unknown that rests on a list whose call failed names that call, not a file: a denied
     * ListSnapshotCopyConfigurations makes the namespaces' copy checks unknown with the account, region, action and
     * error code in the message.
     */
    @Test
    @Order(5)
    void anUnknownRestingOnAFailedListNamesTheCall() throws IOException {
        Scan live = Scan.live(SMALL_PAGES.toBuilder()
                .denyAction("redshift-serverless:ListSnapshotCopyConfigurations")
                .build());
        Predicate<String> copies = f -> f.startsWith("RS-ATREST-013 | ") || f.startsWith("RS-BACKUP-012 | ");
        assertThat(live.messages())
                .filteredOn(copies)
                .hasSize(4)
                .allSatisfy(f -> assertThat(f)
                        .contains(" | UNKNOWN | ")
                        .contains("redshift-serverless:ListSnapshotCopyConfigurations")
                        .contains("AccessDenied")
                        .containsPattern("account \\d{12}, region [a-z]{2}-[a-z]+-\\d")
                        .doesNotContain(".json"));
        // the key a copy names in its destination no longer lists the namespace among the data it protects
        Predicate<String> judged = copies.or(f -> f.contains(" | arn:aws:kms:"));
        assertThat(live.findings().stream().filter(judged.negate()).toList())
                .hasSizeGreaterThan(100)
                .containsExactlyElementsOf(
                        offline.findings().stream().filter(judged.negate()).toList());
    }

    /**
     * The snapshot schedules are their own part: a denied ListScheduledActions, or a denied GetScheduledAction, makes
     * only RS-BACKUP-013 unknown for the namespaces, naming the call; every other verdict is as offline.
     */
    @Test
    @Order(5)
    void aDeniedScheduledActionCallMakesOnlyTheScheduleCheckUnknownNamingTheCall() throws IOException {
        Predicate<String> schedules = f -> f.startsWith("RS-BACKUP-013 | ");
        for (String action :
                List.of("redshift-serverless:ListScheduledActions", "redshift-serverless:GetScheduledAction")) {
            Scan live = Scan.live(SMALL_PAGES.toBuilder().denyAction(action).build());
            assertThat(live.messages())
                    .as(action)
                    .filteredOn(schedules)
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f)
                            .contains(" | UNKNOWN | ")
                            .contains(action)
                            .contains("AccessDenied")
                            .containsPattern("account \\d{12}, region [a-z]{2}-[a-z]+-\\d")
                            .doesNotContain(".json"));
            assertThat(live.findings().stream().filter(schedules.negate()).toList())
                    .as(action)
                    .hasSizeGreaterThan(100)
                    .containsExactlyElementsOf(offline.findings().stream()
                            .filter(schedules.negate())
                            .toList());
        }
        assertThat(offline.messages()).filteredOn(schedules).hasSize(2).noneMatch(f -> f.contains(" | UNKNOWN | "));
    }

    @Test
    @Order(5)
    void aRoleThatCannotBeAssumedIsAnErrorAndTheOtherAccountsAreScanned() throws IOException {
        Scan live =
                Scan.live(SMALL_PAGES.toBuilder().unassumable("222222222222").build());
        assertThat(Scan.errorTexts(live.errors()))
                .anySatisfy(e -> assertThat(e).contains("222222222222").contains("sts:AssumeRole"));
        List<String> first = offline.findings().stream()
                .filter(f -> f.contains(" | 111111111111/"))
                .toList();
        assertThat(live.findings().stream()
                        .filter(f -> f.contains(" | 111111111111/"))
                        .toList())
                .containsExactlyElementsOf(first);
        assertThat(live.findings())
                .noneMatch(
                        f -> f.contains(" | 222222222222/") && (f.contains(" | PASS | ") || f.contains(" | FAIL | ")));
        assertThat(live.verdict()).isIn(Verdict.INCOMPLETE, Verdict.FINDINGS);
        assertThat(live.errors()).extracting(CollectionError::isWarning).contains(false);
    }

    @Test
    @Order(6)
    void aSlowServiceEndsInTimeoutErrorsNotAHang() throws IOException {
        // KMS answers after 3 s, past an attempt timeout of 1 s (the default is 20 s, which the test need not wait
        // for): every KMS call fails after its retries, within the 4 s a call may take
        Scan live = Scan.live(
                SMALL_PAGES.toBuilder().slowService("kms", 3_000).build(),
                o -> o.withRole(Scan.ROLE, null, List.of("111111111111"), false)
                        .withRegions(List.of("eu-west-1"))
                        .withCallLimits(new LiveOptions.CallLimits(
                                Duration.ofSeconds(1), Duration.ofSeconds(4), 3, Scan.BACKOFF, false)));
        List<String> errors = Scan.errorTexts(live.errors());
        assertThat(errors)
                .filteredOn(e -> e.contains("kms:"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsIgnoringCase("timeout").contains("111111111111/eu-west-1"));
        assertThat(errors).noneMatch(e -> e.contains("redshift:"));
        assertThat(live.findings()).anyMatch(f -> f.contains(" | 111111111111/eu-west-1/") && f.contains(" | FAIL | "));
    }

    /** A failed DescribeRegions is a collection error even when --regions names the regions: nothing vanishes. */
    @Test
    @Order(7)
    void aFailedDescribeRegionsIsACollectionErrorAlsoWithNamedRegions() throws IOException {
        Scan live = Scan.live(
                SMALL_PAGES.toBuilder().denyAction("ec2:DescribeRegions").build(),
                o -> o.withRegions(List.of("eu-west-1")));
        assertThat(Scan.errorTexts(live.errors()))
                .anySatisfy(e -> assertThat(e)
                        .contains("ec2:DescribeRegions")
                        .contains("UnauthorizedOperation")
                        .contains("the regions named with --regions were collected"));
        assertThat(live.errors()).extracting(CollectionError::isWarning).contains(false);
        assertThat(live.verdict()).isIn(Verdict.INCOMPLETE, Verdict.FINDINGS);
        // the named region was still collected
        assertThat(live.findings()).anySatisfy(f -> assertThat(f).contains("/eu-west-1"));
    }

    @Test
    @Order(100)
    void everyOperationTheScansMadeIsAReadThePolicyAllows() throws IOException {
        assertThat(Scan.RECORDED)
                .as("the scans above ran and were recorded")
                .contains(
                        "redshift:DescribeClusters",
                        "kms:DescribeKey",
                        "kms:GetKeyPolicy",
                        "kms:ListGrants",
                        "sts:AssumeRole",
                        "organizations:ListAccounts");
        // the caller's own calls (assume the role, list the organization) are in the caller's policy; everything
        // made with the scanned role's credentials is a read the role's policy grants
        Set<String> caller = granted("iam-policy-caller.json");
        Set<String> role = granted("iam-policy.json");
        for (String action : Scan.RECORDED) {
            if (caller.contains(action)) {
                continue;
            }
            assertThat(role).as("docs/iam-policy.json").contains(action);
            // cloudtrail:LookupEvents reads CloudTrail's event history
            assertThat(action.substring(action.indexOf(':') + 1))
                    .as(action)
                    .matches("(Describe|Get|List|Lookup)[A-Z].*");
        }
        assertThat(caller).allSatisfy(a -> assertThat(a).isIn("sts:AssumeRole", "organizations:ListAccounts"));
    }

    private static Set<String> granted(String policy) throws IOException {
        JsonNode json = new ObjectMapper().readTree(Files.readString(Path.of("..", "docs", policy)));
        Set<String> actions = new TreeSet<>();
        json.path("Statement").forEach(s -> {
            JsonNode a = s.path("Action");
            if (a.isTextual()) {
                actions.add(a.asText());
            } else {
                a.forEach(x -> actions.add(x.asText()));
            }
        });
        return actions;
    }
}
