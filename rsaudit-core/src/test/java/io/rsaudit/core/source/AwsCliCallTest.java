package io.rsaudit.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AwsCliCallTest {

    @Test
    void everyFileOfTheLayoutNamesItsCall() {
        for (AwsCliCall c : AwsCliCall.values()) {
            String folder = c.regional() ? "111111111111/eu-west-1/" : "111111111111/";
            String file = folder + (c.perResource() == null ? c.file() : c.file("alias/my key"));
            assertThat(AwsCliCall.ofLocation(file)).as(file).contains(c);
            if (c.pageToken() != null) {
                String page = file.replace(".json", ".page-3.json");
                assertThat(AwsCliCall.ofLocation(page)).as(page).contains(c);
            }
        }
        assertThat(AwsCliCall.ofLocation(
                        "111111111111/eu-west-1/redshift/describe-cluster-parameters/" + "default.redshift-1.0.json"))
                .contains(AwsCliCall.DESCRIBE_CLUSTER_PARAMETERS);
    }

    /** The layout's path as a regular expression: the reference the hand-written reading is tested against. */
    private static final Pattern LAYOUT = Pattern.compile("\\d{12}/(?:([a-z]{2,4}(?:-[a-z]+)+-\\d{1,2})/)?"
            + "([a-z0-9-]+)/([a-z0-9-]+?)(/[^/]+?)?(?:\\.page-\\d+)?\\.json");

    /** Odd pieces of paths, put anywhere now and then. */
    private static final String[] ODD = {
        "11111111111", "eu-1", "eu-west-123", "abcde-x-1", "Redshift", "", "a b", ".page-", ".page-x", ".json", "/"
    };

    @Test
    void anyPathIsReadAsTheLayoutsExpressionReadsIt() {
        Random random = new Random(7);
        int calls = 0;
        for (int round = 0; round < 50_000; round++) {
            AwsCliCall c = AwsCliCall.values()[random.nextInt(AwsCliCall.values().length)];
            StringBuilder b = new StringBuilder();
            b.append(pick(random, "111111111111")).append('/');
            if (random.nextBoolean()) {
                b.append(pick(random, random.nextBoolean() ? "eu-west-1" : "us-gov-west-1"))
                        .append('/');
            }
            b.append(pick(random, c.service())).append('/').append(pick(random, c.operation()));
            if (random.nextBoolean()) {
                b.append('/').append(pick(random, random.nextBoolean() ? "default.redshift-1.0" : ".page-3"));
            }
            if (random.nextInt(3) == 0) {
                b.append(pick(random, ".page-" + random.nextInt(20)));
            }
            b.append(pick(random, ".json"));
            String path = b.toString();
            Optional<AwsCliCall> expected = byExpression(path);
            assertThat(AwsCliCall.ofLocation(path)).as(path).isEqualTo(expected);
            calls += expected.isPresent() ? 1 : 0;
        }
        assertThat(calls).as("paths that name a call").isGreaterThan(2_000);
    }

    /** Mostly {@code piece}; now and then an odd piece instead, or added before or after it. */
    private static String pick(Random random, String piece) {
        String odd = ODD[random.nextInt(ODD.length)];
        return switch (random.nextInt(12)) {
            case 0 -> odd;
            case 1 -> odd + piece;
            case 2 -> piece + odd;
            default -> piece;
        };
    }

    private static Optional<AwsCliCall> byExpression(String path) {
        Matcher m = LAYOUT.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (AwsCliCall c : AwsCliCall.values()) {
            if (c.service().equals(m.group(2))
                    && c.operation().equals(m.group(3))
                    && c.regional() == (m.group(1) != null)
                    && (c.perResource() != null) == (m.group(4) != null)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Test
    void everyLiveLocationNamesItsCall() {
        for (AwsCliCall c : AwsCliCall.values()) {
            String location =
                    c.liveLocation("111111111111", "eu-west-1", c.perResource() == null ? null : "alias/my key");
            assertThat(location)
                    .startsWith(AwsCliCall.LIVE + "111111111111/")
                    .contains(c.iamAction())
                    .doesNotContain(" ");
            assertThat(AwsCliCall.ofLocation(location)).as(location).contains(c);
            assertThat(AwsCliCall.ofLocation(location + "?page=2&request-id=7f2c-11"))
                    .as(location)
                    .contains(c);
        }
        assertThat(AwsCliCall.DESCRIBE_LOGGING_STATUS.liveLocation("111111111111", "eu-west-1", "prod-dw"))
                .isEqualTo("aws://111111111111/eu-west-1/redshift:DescribeLoggingStatus/prod-dw");
        assertThat(AwsCliCall.STS_GET_CALLER_IDENTITY.liveLocation("111111111111", "eu-west-1", null))
                .isEqualTo("aws://111111111111/sts:GetCallerIdentity");
        assertThat(AwsCliCall.KMS_DESCRIBE_KEY.liveLocation("111111111111", "eu-west-1", "alias/x"))
                .isEqualTo("aws://111111111111/eu-west-1/kms:DescribeKey/alias%2Fx");
    }

    @Test
    void otherLiveLocationsNameNone() {
        assertThat(AwsCliCall.ofLocation("aws://111111111111/eu-west-1/redshift:DescribeEvents"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("aws://111111111111/eu-west-1/redshift:DescribeLoggingStatus"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("aws://111111111111/eu-west-1/sts:GetCallerIdentity"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("aws://111111111111/*/cloudtrail:DescribeTrails"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("aws")).isEmpty();
    }

    @Test
    void otherPathsNameNone() {
        assertThat(AwsCliCall.ofLocation("111111111111/eu-west-1/redshift/describe-events.json"))
                .isEmpty();
        // a per-resource call's file without its resource, and a list call's with one
        assertThat(AwsCliCall.ofLocation("111111111111/eu-west-1/redshift/describe-logging-status.json"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("111111111111/eu-west-1/redshift/describe-clusters/x.json"))
                .isEmpty();
        // the account-wide call inside a region folder, and a regional one outside
        assertThat(AwsCliCall.ofLocation("111111111111/eu-west-1/sts/get-caller-identity.json"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("111111111111/redshift/describe-clusters.json"))
                .isEmpty();
        assertThat(AwsCliCall.ofLocation("policy.yaml")).isEmpty();
    }
}
