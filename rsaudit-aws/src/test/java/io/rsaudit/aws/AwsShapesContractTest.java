package io.rsaudit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.source.AwsShapes;
import io.rsaudit.core.source.AwsShapes.Shape;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The AWS CLI prints members under their model names; the SDK's model classes carry the same names. Every shape
 * the CLI source reads must list exactly the SDK's members: a name the SDK lacks is a typo in rsaudit (a field we
 * would never find), and a member we lack would be reported to users as unknown.
 */
class AwsShapesContractTest {

    private static final Map<String, String> PACKAGES = Map.of(
            "sts", "software.amazon.awssdk.services.sts.model.",
            "redshift", "software.amazon.awssdk.services.redshift.model.",
            "redshift-serverless", "software.amazon.awssdk.services.redshiftserverless.model.",
            "kms", "software.amazon.awssdk.services.kms.model.",
            "cloudtrail", "software.amazon.awssdk.services.cloudtrail.model.",
            "ec2", "software.amazon.awssdk.services.ec2.model.");

    @Test
    void everyShapeMatchesTheSdkModel() throws Exception {
        for (Shape shape : AwsShapes.ALL) {
            Class<?> type = Class.forName(PACKAGES.get(shape.service()) + shape.name());
            Object builder = type.getMethod("builder").invoke(null);
            SdkPojo pojo = (SdkPojo) Class.forName("software.amazon.awssdk.utils.builder.SdkBuilder")
                    .getMethod("build")
                    .invoke(builder);
            Set<String> sdk =
                    pojo.sdkFields().stream().map(SdkField::memberName).collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(shape.members()))
                    .as("%s (%s)", shape.name(), shape.service())
                    .isEqualTo(sdk);
        }
    }
}
