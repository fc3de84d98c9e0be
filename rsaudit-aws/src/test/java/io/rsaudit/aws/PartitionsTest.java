package io.rsaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.model.Arns;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/** rsaudit-core names partitions without the SDK; the SDK's region metadata is the reference. */
class PartitionsTest {

    @Test
    void everyRegionTheSdkKnowsIsInThePartitionTheSdkSays() {
        List<Region> regions = Region.regions().stream()
                .filter(r -> !r.isGlobalRegion())
                .filter(r -> RegionMetadata.of(r) != null)
                .toList();
        assertThat(regions).hasSizeGreaterThan(30);
        assertThat(regions)
                .allSatisfy(r -> assertThat(Arns.partition(r.id()))
                        .as(r.id())
                        .isEqualTo(RegionMetadata.of(r).partition().id()));
        assertThat(regions.stream()
                        .map(r -> RegionMetadata.of(r).partition().id())
                        .distinct())
                .contains("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b");
    }
}
