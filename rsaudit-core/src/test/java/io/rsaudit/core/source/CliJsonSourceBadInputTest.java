package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rsaudit.core.model.Cluster;
import io.rsaudit.core.model.CollectionError;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Status;
import io.rsaudit.core.testing.Estate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets an error naming the file and pointer or line, and everything else is still read. */
class CliJsonSourceBadInputTest {

    static final String CLUSTERS = "111111111111/eu-west-1/redshift/describe-clusters.json";
    static final String OTHER_REGION = "111111111111/us-east-1/redshift/describe-clusters.json";
    static final String GOOD = "{'Clusters': [{'ClusterIdentifier': 'good', 'Encrypted': true}]}";

    @TempDir
    Path dir;

    private static List<CollectionError> errors(Inventory inv, Kind kind) {
        return inv.errors().stream().filter(e -> e.kind() == kind).toList();
    }

    @Test
    void emptyDirectoryIsReportedNotThrown() {
        Inventory inv = Estate.in(dir).load();
        assertThat(inv.clusters()).isEmpty();
        assertThat(errors(inv, Kind.LAYOUT))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("no account folders"));
    }

    @Test
    void missingInputDirectoryIsAUsageError() {
        assertThatThrownBy(() -> new CliJsonSource(dir.resolve("nope")).load())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void regionFolderWithoutAccountFolderIsReportedAndTheRestRead() {
        Inventory inv = Estate.in(dir)
                .json("eu-west-1/redshift/describe-clusters.json", GOOD)
                .json(OTHER_REGION, GOOD)
                .load();
        assertThat(errors(inv, Kind.LAYOUT)).anySatisfy(e -> {
            assertThat(e.location()).isEqualTo("eu-west-1/");
            assertThat(e.message()).contains("inside a 12-digit account folder");
        });
        assertThat(inv.clusters())
                .extracting(c -> c.id().scope())
                .containsExactly(new Scope("111111111111", "us-east-1"));
    }

    @Test
    void inputPointingAtAnAccountFolderIsReadAsThatAccount() {
        Path account = dir.resolve("111111111111");
        Estate.in(dir).json(CLUSTERS, GOOD);
        Inventory inv = new CliJsonSource(account).load();
        assertThat(inv.clusters())
                .singleElement()
                .satisfies(c -> assertThat(c.id().scope()).isEqualTo(new Scope("111111111111", "eu-west-1")));
    }

    @Test
    void malformedJsonNamesFileLineAndColumnAndOtherFilesAreStillRead() {
        Inventory inv = Estate.in(dir)
                .text(CLUSTERS, "{\n  \"Clusters\": [\n    {\"ClusterIdentifier\": \"a\",, }\n  ]\n}\n")
                .json(OTHER_REGION, GOOD)
                .load();
        assertThat(errors(inv, Kind.MALFORMED)).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith(CLUSTERS + ":3:");
            assertThat(e.message()).startsWith("malformed JSON");
        });
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("good");
        assertThat(inv.clusterIdentifiers(new Scope("111111111111", "eu-west-1"))
                        .status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void truncatedFileIsCalledTruncated() {
        Inventory inv = Estate.in(dir)
                .text(CLUSTERS, "{\"Clusters\": [{\"ClusterIdentifier\": \"a\"")
                .load();
        assertThat(errors(inv, Kind.MALFORMED))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("truncated"));
    }

    @Test
    void theRecordsBeforeATruncationAreReadAndTheListIsKnownToBePartial() {
        Inventory inv = Estate.in(dir)
                .text(
                        CLUSTERS,
                        "{\"Clusters\": [{\"ClusterIdentifier\": \"a\"},"
                                + " {\"ClusterIdentifier\": \"b\"}, {\"ClusterIdentifier\": \"c\", \"Encry")
                .load();
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("a", "b");
        assertThat(errors(inv, Kind.MALFORMED))
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .contains("truncated")
                        .endsWith("the 2 element(s) before it were read, the rest not"));
        var ids = inv.clusterIdentifiers(new Scope("111111111111", "eu-west-1"));
        assertThat(ids.status()).isEqualTo(Status.UNKNOWN);
        assertThat(ids.note()).startsWith("only partly read: " + CLUSTERS);
    }

    @Test
    void emptyFileIsMalformed() {
        Inventory inv = Estate.in(dir).text(CLUSTERS, "").load();
        assertThat(errors(inv, Kind.MALFORMED))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("empty file"));
    }

    @Test
    void twoDocumentsInOneFileAndDuplicateKeysAreMalformed() {
        Inventory inv = Estate.in(dir)
                .text(CLUSTERS, "{\"Clusters\": []}\n{\"Clusters\": []}\n")
                .text(OTHER_REGION, "{\"Clusters\": [], \"Clusters\": []}")
                .load();
        assertThat(errors(inv, Kind.MALFORMED)).hasSize(2);
    }

    /**
     * A member rsaudit reads that appears twice in one object is malformed: which value AWS meant cannot be told.
     * Names are not otherwise checked for duplicates: a member no check reads is skipped, once or twice.
     */
    @Test
    void aMemberReadTwiceIsMalformedAndOneNotReadIsSkipped() {
        Inventory inv = Estate.in(dir)
                .json(CLUSTERS, "{'Clusters': [{'ClusterIdentifier': 'a', 'Encrypted': true, 'Encrypted': false}]}")
                .json(OTHER_REGION, "{'Clusters': [{'ClusterIdentifier': 'b', 'DBName': 'x', 'DBName': 'y'}]}")
                .load();
        assertThat(errors(inv, Kind.MALFORMED)).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith(CLUSTERS + ":1:");
            assertThat(e.message()).contains("Duplicate field 'Encrypted'");
        });
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("b");
    }

    @Test
    void topLevelArrayIsNotTheCallsOutput() {
        Inventory inv = Estate.in(dir).text(CLUSTERS, "[]").load();
        assertThat(errors(inv, Kind.MALFORMED))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("expected a JSON object at the top level"));
    }

    @Test
    void notUtf8IsMalformedAndUtf16WithBomIsRead() {
        byte[] latin1 =
                "{\"Clusters\": [{\"ClusterIdentifier\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = ("\uFEFF" + GOOD.replace('\'', '"')).getBytes(StandardCharsets.UTF_16LE);
        Inventory inv = Estate.in(dir)
                .bytes(CLUSTERS, latin1)
                .bytes(OTHER_REGION, utf16)
                .load();
        assertThat(errors(inv, Kind.MALFORMED)).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith(CLUSTERS);
            assertThat(e.message()).containsIgnoringCase("utf-8");
        });
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("good");
    }

    @Test
    void wrongTypeMakesThatFieldUnknownAndKeepsTheRest() {
        Inventory inv = Estate.in(dir)
                .json(
                        CLUSTERS,
                        "{'Clusters': [{'ClusterIdentifier': 'a', 'Encrypted': 'yes', 'PubliclyAccessible': false}]}")
                .load();
        assertThat(errors(inv, Kind.INVALID_VALUE)).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo(CLUSTERS + "#/Clusters/0/Encrypted");
            assertThat(e.message()).isEqualTo("expected true or false, found string \"yes\"");
        });
        Cluster c = inv.clusters().get(0);
        assertThat(c.encrypted().status()).isEqualTo(Status.UNKNOWN);
        assertThat(c.encrypted().note()).contains("/Clusters/0/Encrypted");
        assertThat(c.publiclyAccessible().value()).isFalse();
    }

    @Test
    void aListElementThatIsNotAnObjectIsReportedAndTheOthersRead() {
        Inventory inv = Estate.in(dir)
                .json(CLUSTERS, "{'Clusters': ['oops', {'ClusterIdentifier': 'b'}, {'Encrypted': true}]}")
                .load();
        assertThat(errors(inv, Kind.INVALID_VALUE))
                .extracting(CollectionError::location)
                .containsExactly(CLUSTERS + "#/Clusters/0", CLUSTERS + "#/Clusters/2");
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("b");
    }

    @Test
    void unknownFieldsAreOneWarningPerFileAndField() {
        Inventory inv = Estate.in(dir)
                .json(
                        CLUSTERS,
                        "{'Clusters': [{'ClusterIdentifier': 'a', 'Encypted': true},"
                                + " {'ClusterIdentifier': 'b', 'Encypted': false}]}")
                .load();
        assertThat(inv.errors())
                .filteredOn(CollectionError::isWarning)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_FIELD);
                    assertThat(e.location()).isEqualTo(CLUSTERS + "#/Clusters/0/Encypted");
                    assertThat(e.message())
                            .contains("'Encypted' is not a member of Cluster")
                            .contains("and 1 more");
                });
        assertThat(inv.clusters()).hasSize(2);
    }

    @Test
    void absentListCallIsNotCollectedAndNamesTheFile() {
        Inventory inv = Estate.in(dir).dir("111111111111/eu-west-1").load();
        assertThat(errors(inv, Kind.NOT_COLLECTED))
                .extracting(CollectionError::location)
                .contains(
                        CLUSTERS,
                        "111111111111/eu-west-1/redshift/describe-cluster-snapshots.json",
                        "111111111111/eu-west-1/redshift-serverless/list-workgroups.json",
                        "111111111111/sts/get-caller-identity.json");
    }

    @Test
    void pagesAreJoinedInOrderAndATruncatedChainIsReported() {
        String base = "111111111111/eu-west-1/redshift/describe-clusters";
        Inventory inv = Estate.in(dir)
                .json(base + ".page-1.json", "{'Clusters': [{'ClusterIdentifier': 'p1'}], 'Marker': 'm1'}")
                .json(base + ".page-2.json", "{'Clusters': [{'ClusterIdentifier': 'p2'}], 'Marker': 'm2'}")
                .load();
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("p1", "p2");
        assertThat(inv.clusters().get(1).id().origin().toString()).isEqualTo(base + ".page-2.json#/Clusters/0");
        assertThat(errors(inv, Kind.NOT_COLLECTED))
                .filteredOn(e -> e.location().startsWith(base))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.location()).isEqualTo(base + ".page-2.json#/Marker");
                    assertThat(e.message()).contains("page-3.json");
                });
    }

    @Test
    void aGapInThePagesIsReported() {
        String base = "111111111111/eu-west-1/redshift/describe-clusters";
        Inventory inv = Estate.in(dir)
                .json(base + ".page-1.json", "{'Clusters': [{'ClusterIdentifier': 'p1'}], 'Marker': 'm1'}")
                .json(base + ".page-3.json", "{'Clusters': [{'ClusterIdentifier': 'p3'}]}")
                .load();
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("p1", "p3");
        assertThat(errors(inv, Kind.NOT_COLLECTED))
                .anySatisfy(e -> assertThat(e.message()).contains("page 2 is missing"));
    }

    @Test
    void aFailedCallIsReportedAndItsValuesAreUnknownWithTheReason() {
        Inventory inv = Estate.in(dir)
                .json(CLUSTERS, "{'Clusters': [{'ClusterIdentifier': 'a'}]}")
                .text(
                        "111111111111/eu-west-1/redshift/describe-logging-status/a.error",
                        "\nAn error occurred (AccessDenied) when calling the DescribeLoggingStatus operation: denied\n")
                .load();
        assertThat(errors(inv, Kind.CALL_FAILED))
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .startsWith("aws redshift describe-logging-status failed: An error occurred (AccessDenied)"));
        var logging = inv.logging(inv.clusters().get(0));
        assertThat(logging.status()).isEqualTo(Status.UNKNOWN);
        assertThat(logging.note())
                .contains("collection failed")
                .contains("a.error")
                .contains("AccessDenied");
    }

    @Test
    void theErrorLineIsQuotedEvenAfterAWarning() {
        Inventory inv = Estate.in(dir)
                .json(CLUSTERS, "{'Clusters': [{'ClusterIdentifier': 'a'}]}")
                .text(
                        "111111111111/eu-west-1/redshift/describe-logging-status/a.error",
                        "/usr/lib/python3/dist-packages/botocore/utils.py:12: DeprecationWarning: datetime.utcnow()\n"
                                + "\nAn error occurred (ThrottlingException) when calling the DescribeLoggingStatus"
                                + " operation: Rate exceeded\n")
                .load();
        assertThat(errors(inv, Kind.CALL_FAILED))
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .endsWith("failed: An error occurred (ThrottlingException) when calling the"
                                + " DescribeLoggingStatus operation: Rate exceeded"));
    }

    @Test
    void callerIdentityForAnotherAccountIsReported() {
        Inventory inv = Estate.in(dir)
                .json(
                        "111111111111/sts/get-caller-identity.json",
                        "{'UserId': 'AIDA', 'Account': '222222222222', 'Arn': 'arn:aws:iam::222222222222:user/x'}")
                .dir("111111111111/eu-west-1")
                .load();
        assertThat(errors(inv, Kind.LAYOUT))
                .anySatisfy(e -> assertThat(e.message()).contains("222222222222"));
    }

    @Test
    void aValueBeyondTheParsersLimitIsReportedAndTheRestRead() {
        String huge = "x".repeat(30 * 1024 * 1024);
        Inventory inv = Estate.in(dir)
                .text(
                        CLUSTERS,
                        "{\"Clusters\": [{\"ClusterIdentifier\": \"a\", \"MasterUsername\": \"" + huge + "\"}]}")
                .json(OTHER_REGION, GOOD)
                .load();
        assertThat(errors(inv, Kind.MALFORMED)).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo(CLUSTERS);
            assertThat(e.message())
                    .startsWith("too large to be AWS CLI output")
                    .contains("exceeds the maximum allowed");
        });
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("good");
    }

    /**
     * A member no check reads is skipped unparsed, however large: it costs no memory and is no error, even beyond the
     * parser's limit for a value that is read (20 MB).
     */
    @ParameterizedTest
    @ValueSource(ints = {10, 30})
    void aLargeValueOfAMemberNotReadIsSkipped(int megabytes) {
        String huge = "x".repeat(megabytes * 1024 * 1024);
        Inventory inv = Estate.in(dir)
                .text(
                        CLUSTERS,
                        "{\"Clusters\": [{\"ClusterIdentifier\": \"a\", \"DBName\": \"" + huge
                                + "\", \"Encrypted\": true}]}")
                .load();
        assertThat(inv.errors())
                .filteredOn(e -> e.location().startsWith(CLUSTERS))
                .isEmpty();
        assertThat(inv.clusters().get(0).encrypted().value()).isTrue();
    }

    @Test
    void aRecordWithoutItsIdentifierIsReportedAsNotJudged() {
        Inventory inv = Estate.in(dir)
                .json(CLUSTERS, "{'Clusters': [{'Encrypted': true}]}")
                .load();
        assertThat(errors(inv, Kind.INVALID_VALUE))
                .singleElement()
                .satisfies(e -> assertThat(e.message())
                        .contains("without ClusterIdentifier")
                        .contains("not judged"));
    }

    @Test
    void strayFilesAndFoldersAreReportedNotFatal() {
        Inventory inv = Estate.in(dir)
                .text("notes.txt", "hello")
                .text("111111111111/eu-west-1/s3/list-buckets.json", "{}")
                .json(CLUSTERS, GOOD)
                .load();
        assertThat(errors(inv, Kind.LAYOUT))
                .extracting(CollectionError::location)
                .contains("notes.txt", "111111111111/eu-west-1/s3");
        assertThat(inv.clusters()).hasSize(1);
    }

    /** Issue 19 #13: what does not fit the layout is reported at every level, and links are not followed. */
    @Test
    void strayFilesFoldersAndLinksInsideServiceFoldersAreReported() throws Exception {
        Path root = dir.resolve("export");
        Path outside = dir.resolve("outside");
        Estate.in(outside)
                .text("leak.error", "An error occurred: LEAKED-LINE\n")
                .json("cloudtrail/describe-trails.json", "{'trailList': []}");
        String region = "111111111111/eu-west-1/";
        Inventory inv = Estate.in(root)
                .json(CLUSTERS, GOOD)
                .json(region + "redshift/describe-cluster-snapshots.page-1.json", "{'Snapshots': []}")
                .json(region + "redshift/describe-logging-status/good.json", "{'LoggingEnabled': false}")
                .text(region + "redshift/notes.txt", "x")
                .json(region + "redshift/describe-clusterz.json", "{}")
                .json(region + "redshift/describe-clusters.page-x.json", "{}")
                .json(region + "redshift/old/describe-clusters.json", GOOD)
                .json(region + "redshift/describe-logging-status/nested/good.json", "{}")
                .text(region + "redshift/describe-logging-status/readme.txt", "x")
                .json(region + "kms/describe-key.json", "{}")
                .json("111111111111/sts/extra.json", "{}")
                .load();
        assertThat(errors(inv, Kind.LAYOUT))
                .extracting(CollectionError::location)
                .containsExactlyInAnyOrder(
                        region + "redshift/notes.txt",
                        region + "redshift/describe-clusterz.json",
                        region + "redshift/describe-clusters.page-x.json",
                        region + "redshift/old/",
                        region + "redshift/describe-logging-status/nested/",
                        region + "redshift/describe-logging-status/readme.txt",
                        region + "kms/describe-key.json",
                        "111111111111/sts/extra.json");
        assertThat(inv.clusters()).extracting(Cluster::identifier).containsExactly("good");

        java.nio.file.Files.createSymbolicLink(
                root.resolve(region + "redshift/describe-snapshot-copy-grants.error"), outside.resolve("leak.error"));
        java.nio.file.Files.createSymbolicLink(root.resolve(region + "cloudtrail"), outside.resolve("cloudtrail"));
        java.nio.file.Files.createSymbolicLink(
                root.resolve(region + "redshift/describe-logging-status/linked.json"),
                root.resolve(region + "redshift/describe-logging-status/good.json"));
        inv = new CliJsonSource(root).load();
        assertThat(errors(inv, Kind.LAYOUT))
                .filteredOn(e -> e.message().contains("symbolic link"))
                .extracting(CollectionError::location)
                .containsExactlyInAnyOrder(
                        region + "redshift/describe-snapshot-copy-grants.error",
                        region + "cloudtrail",
                        region + "redshift/describe-logging-status/linked.json");
        assertThat(inv.errors()).noneSatisfy(e -> assertThat(e.message()).contains("LEAKED-LINE"));
        // the linked folder's trails were not read: the account's trails stay unknown
        assertThat(inv.accounts())
                .singleElement()
                .satisfies(a -> assertThat(a.trails().isUnknown())
                        .as(a.trails().toString())
                        .isTrue());
    }
}
