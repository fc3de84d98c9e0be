package io.rsaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rsaudit.core.source.AwsCliCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListGrantsResponse;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.DescribeClustersResponse;
import software.amazon.awssdk.services.redshift.model.Endpoint;
import software.amazon.awssdk.services.redshift.model.VpcSecurityGroupMembership;
import software.amazon.awssdk.services.redshiftserverless.model.ListWorkgroupsResponse;
import software.amazon.awssdk.services.redshiftserverless.model.Workgroup;

/** SDK responses become the JSON the AWS CLI prints: the files of examples/estate are the reference. */
class CliJsonTest {

    static final Path ESTATE = Path.of("..", "examples", "estate");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String written(AwsCliCall call, String resource, SdkPojo... pages) throws Exception {
        ExportFiles files = new ExportFiles(dir, java.time.Instant.now());
        files.json("111111111111", "eu-west-1", call, resource, List.of(pages));
        Path base = files.base("111111111111", "eu-west-1", call, resource);
        return Files.readString(base.resolveSibling(base.getFileName() + ".json"));
    }

    /** What the export holds for a call that answered with these pages, read back. */
    private JsonNode doc(AwsCliCall call, SdkPojo... pages) throws Exception {
        return JSON.readTree(written(call, null, pages));
    }

    @Test
    void aKeyIsWrittenByteForByteAsTheCliPrintsIt() throws Exception {
        DescribeKeyResponse key = DescribeKeyResponse.builder()
                .keyMetadata(KeyMetadata.builder()
                        .awsAccountId("111111111111")
                        .keyId("5f2c8a1e-3b7d-4e9a-9c61-0d4f8b2a7e13")
                        .arn("arn:aws:kms:eu-west-1:111111111111:key/5f2c8a1e-3b7d-4e9a-9c61-0d4f8b2a7e13")
                        .creationDate(Instant.parse("2023-02-14T09:31:07.412Z"))
                        .enabled(true)
                        .description("prod Redshift root key (eu-west-1): prod-dwh, prod-adhoc")
                        .keyUsage("ENCRYPT_DECRYPT")
                        .keyState("Enabled")
                        .origin("AWS_KMS")
                        .keyManager("CUSTOMER")
                        .customerMasterKeySpec("SYMMETRIC_DEFAULT")
                        .keySpec("SYMMETRIC_DEFAULT")
                        .encryptionAlgorithmsWithStrings("SYMMETRIC_DEFAULT")
                        .multiRegion(false)
                        .build())
                .build();
        String id = "5f2c8a1e-3b7d-4e9a-9c61-0d4f8b2a7e13";
        assertThat(written(AwsCliCall.KMS_DESCRIBE_KEY, id, key))
                .isEqualTo(Files.readString(ESTATE.resolve("111111111111/eu-west-1/kms/describe-key/" + id + ".json")));

        GetKeyRotationStatusResponse rotation = GetKeyRotationStatusResponse.builder()
                .keyRotationEnabled(true)
                .keyId("arn:aws:kms:eu-west-1:111111111111:key/" + id)
                .rotationPeriodInDays(365)
                .nextRotationDate(Instant.parse("2027-02-13T09:31:07.412Z"))
                .build();
        assertThat(JSON.readTree(written(AwsCliCall.KMS_GET_KEY_ROTATION_STATUS, id, rotation)))
                .isEqualTo(JSON.readTree(
                        ESTATE.resolve("111111111111/eu-west-1/kms/get-key-rotation-status/" + id + ".json")
                                .toFile()));

        // the policy document is a JSON string, its line breaks escaped, as the CLI prints it
        Path policyFile = ESTATE.resolve("111111111111/eu-west-1/kms/get-key-policy/" + id + ".json");
        GetKeyPolicyResponse policy = GetKeyPolicyResponse.builder()
                .policy(JSON.readTree(policyFile.toFile()).get("Policy").asText())
                .policyName("default")
                .build();
        assertThat(written(AwsCliCall.KMS_GET_KEY_POLICY, id, policy)).isEqualTo(Files.readString(policyFile));

        // the grants, answered on two pages, as the CLI prints them once it has followed the pages
        Path grantsFile = ESTATE.resolve("111111111111/eu-west-1/kms/list-grants/" + id + ".json");
        List<GrantListEntry> grants = new java.util.ArrayList<>();
        for (JsonNode g : JSON.readTree(grantsFile.toFile()).get("Grants")) {
            grants.add(GrantListEntry.builder()
                    .keyId(g.get("KeyId").asText())
                    .grantId(g.get("GrantId").asText())
                    .name(g.get("Name").asText())
                    .creationDate(
                            java.time.OffsetDateTime.parse(g.get("CreationDate").asText())
                                    .toInstant())
                    .granteePrincipal(g.get("GranteePrincipal").asText())
                    .retiringPrincipal(
                            g.has("RetiringPrincipal")
                                    ? g.get("RetiringPrincipal").asText()
                                    : null)
                    .issuingAccount(g.get("IssuingAccount").asText())
                    .operationsWithStrings(JSON.convertValue(g.get("Operations"), String[].class))
                    .build());
        }
        assertThat(grants).hasSizeGreaterThan(1);
        ListGrantsResponse first = ListGrantsResponse.builder()
                .grants(grants.subList(0, 1))
                .nextMarker("next-please")
                .truncated(true)
                .build();
        ListGrantsResponse rest = ListGrantsResponse.builder()
                .grants(grants.subList(1, grants.size()))
                .truncated(false)
                .build();
        assertThat(written(AwsCliCall.KMS_LIST_GRANTS, id, first, rest)).isEqualTo(Files.readString(grantsFile));
    }

    @Test
    void timestampsAreIsoWithOffsetAndMicrosecondsOnlyWhenThereAreAny() throws Exception {
        GetTrailStatusResponse status = GetTrailStatusResponse.builder()
                .isLogging(true)
                .latestDeliveryTime(Instant.parse("2026-11-26T21:38:11Z"))
                .startLoggingTime(Instant.parse("2023-01-09T10:02:45.000500Z"))
                .timeLoggingStarted("2023-01-09T10:02:45Z")
                .build();
        JsonNode json = JSON.readTree(written(AwsCliCall.CLOUDTRAIL_GET_TRAIL_STATUS, "main", status));
        assertThat(json.get("LatestDeliveryTime").asText()).isEqualTo("2026-11-26T21:38:11+00:00");
        assertThat(json.get("StartLoggingTime").asText()).isEqualTo("2023-01-09T10:02:45.000500+00:00");
        assertThat(json.get("TimeLoggingStarted").asText()).isEqualTo("2023-01-09T10:02:45Z");
        assertThat(json.get("IsLogging").isBoolean()).isTrue();
        assertThat(json.has("StopLoggingTime"))
                .as("absent members are left out, as the CLI does")
                .isFalse();
    }

    @Test
    void nestedStructuresListsAndEmptyListsKeepTheirModelNames() throws Exception {
        Cluster c = Cluster.builder()
                .clusterIdentifier("prod-dwh")
                .encrypted(true)
                .endpoint(Endpoint.builder()
                        .address("prod-dwh.example")
                        .port(5441)
                        .build())
                .vpcSecurityGroups(VpcSecurityGroupMembership.builder()
                        .vpcSecurityGroupId("sg-1")
                        .status("active")
                        .build())
                .clusterSecurityGroups(List.of())
                .build();
        JsonNode json = doc(
                AwsCliCall.DESCRIBE_CLUSTERS,
                DescribeClustersResponse.builder().clusters(c).build());
        JsonNode cluster = json.get("Clusters").get(0);
        assertThat(cluster.get("ClusterIdentifier").asText()).isEqualTo("prod-dwh");
        assertThat(cluster.get("Endpoint").get("Port").asInt()).isEqualTo(5441);
        assertThat(cluster.get("VpcSecurityGroups")
                        .get(0)
                        .get("VpcSecurityGroupId")
                        .asText())
                .isEqualTo("sg-1");
        assertThat(cluster.get("ClusterSecurityGroups").isArray())
                .as("an empty list AWS sent is printed")
                .isTrue();
        assertThat(cluster.has("IamRoles")).as("a list AWS did not send is not").isFalse();
        assertThat(json.has("Marker")).isFalse();
        // Redshift Serverless speaks lowerCamel on the wire and in the CLI
        JsonNode wg = doc(
                AwsCliCall.SERVERLESS_LIST_WORKGROUPS,
                ListWorkgroupsResponse.builder()
                        .workgroups(Workgroup.builder()
                                .workgroupName("w")
                                .publiclyAccessible(false)
                                .securityGroupIds("sg-2")
                                .build())
                        .build());
        assertThat(wg.get("workgroups").get(0).get("publiclyAccessible").asBoolean())
                .isFalse();
        assertThat(wg.get("workgroups").get(0).get("securityGroupIds").get(0).asText())
                .isEqualTo("sg-2");
    }

    @Test
    void pagesAreMergedWithoutThePageToken() throws Exception {
        DescribeClustersResponse first = DescribeClustersResponse.builder()
                .marker("next-please")
                .clusters(Cluster.builder().clusterIdentifier("a").build())
                .build();
        DescribeClustersResponse second = DescribeClustersResponse.builder()
                .clusters(
                        Cluster.builder().clusterIdentifier("b").build(),
                        Cluster.builder().clusterIdentifier("c").build())
                .build();
        JsonNode merged = doc(AwsCliCall.DESCRIBE_CLUSTERS, first, second);
        assertThat(merged.get("Clusters").findValuesAsText("ClusterIdentifier")).containsExactly("a", "b", "c");
        assertThat(merged.has("Marker")).isFalse();
    }

    /** KMS's Truncated says whether more pages follow: the merged list is whole, so it is false, as the last page's. */
    @Test
    void pagesOfGrantsAreMergedTruncatedAsTheLastPageSaysIt() throws Exception {
        ListGrantsResponse first = ListGrantsResponse.builder()
                .grants(GrantListEntry.builder().grantId("g1").build())
                .nextMarker("next-please")
                .truncated(true)
                .build();
        ListGrantsResponse second = ListGrantsResponse.builder()
                .grants(GrantListEntry.builder().grantId("g2").build())
                .truncated(false)
                .build();
        JsonNode merged = doc(AwsCliCall.KMS_LIST_GRANTS, first, second);
        assertThat(merged.get("Grants").findValuesAsText("GrantId")).containsExactly("g1", "g2");
        assertThat(merged.has("NextMarker")).isFalse();
        assertThat(merged.get("Truncated").asBoolean()).isFalse();
        assertThat(merged.properties())
                .extracting(java.util.Map.Entry::getKey)
                .as("in the model's order")
                .containsExactly("Grants", "Truncated");
    }

    @Test
    void aFirstPageWithoutTheListStillGivesEveryPagesItems() throws Exception {
        DescribeClustersResponse first =
                DescribeClustersResponse.builder().marker("next-please").build();
        DescribeClustersResponse second = DescribeClustersResponse.builder()
                .clusters(Cluster.builder().clusterIdentifier("b").build())
                .build();
        JsonNode merged = doc(AwsCliCall.DESCRIBE_CLUSTERS, first, second);
        assertThat(merged.get("Clusters").findValuesAsText("ClusterIdentifier")).containsExactly("b");
        assertThat(merged.has("Marker")).isFalse();
        assertThat(doc(AwsCliCall.DESCRIBE_CLUSTERS, first).get("Clusters"))
                .as("no page has the list")
                .isEmpty();
    }
}
