package io.rsaudit.core.hunt.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsaudit.core.hunt.Event;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.Origin;
import io.rsaudit.core.policy.Policy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A CloudTrail alert's evidence shows the fields its rule reads, and those its {@code fields} name with all below. */
class EvidenceFieldsTest {

    private static final String RULE = """
            id: X-1
            title: t
            level: medium
            description: d
            logsource:
              type: cloudtrail
            fields: [requestParameters.LifecycleConfiguration]
            detection:
              sel:
                eventName: PutBucketLifecycle
                requestParameters.bucketName: logs
              condition: sel
            """;

    @Test
    void aShownFieldBringsEverythingUnderItAndNothingBeside() {
        Rule rule = RuleLoader.load("x.yaml", RULE).rule().orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventName", "PutBucketLifecycle");
        fields.put("requestParameters.bucketName", "logs");
        fields.put("requestParameters.Host", "logs.s3.eu-west-1.amazonaws.com");
        fields.put("requestParameters.LifecycleConfiguration.Rule.0.Expiration.Days", "1");
        fields.put("requestParameters.LifecycleConfiguration.Rule.0.Status", "Enabled");
        fields.put("requestParameters.LifecycleConfigurationId", "not under it");
        fields.put("requestID", "C3D5A1F07B2E9846");
        Event event = new Event(
                LogType.CLOUDTRAIL,
                Instant.parse("2024-05-01T10:00:00Z"),
                "123456789012",
                "eu-west-1",
                null,
                null,
                "arn:aws:iam::123456789012:user/ops",
                "198.51.100.77",
                "s3:PutBucketLifecycle",
                null,
                null,
                null,
                fields,
                new Origin("f.json", 2, 0));
        assertThat(CompiledRule.of(rule, Policy.defaults()).evidenceFields(event))
                .containsOnlyKeys(
                        "requestParameters.bucketName",
                        "requestParameters.LifecycleConfiguration.Rule.0.Expiration.Days",
                        "requestParameters.LifecycleConfiguration.Rule.0.Status",
                        "requestID");
    }

    @Test
    void aShownFieldMustBeOneTheLogHas() {
        assertThat(RuleLoader.load("x.yaml", RULE.replace("requestParameters.LifecycleConfiguration]", "sqlText]"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("fields[0]", "unknown field 'sqlText'"));
    }
}
