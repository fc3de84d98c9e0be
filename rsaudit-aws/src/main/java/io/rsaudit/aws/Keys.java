package io.rsaudit.aws;

import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.KeyReference;
import io.rsaudit.core.source.AwsCliCall;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * The KMS keys one account's resources name, each looked up once however many resources and regions name it (a
 * cache of the calls in flight). As the collector script does: {@code describe-key} with the reference as the
 * resource gives it, in the region the key ARN names (the referring region for a bare id or alias), filed by key id
 * or alias; {@code get-key-rotation-status} and, for a scan ({@link LiveCollector.Extent#ESTATE}) and a key of the
 * account itself, {@code get-key-policy} (policy name {@code default}; KMS answers it to no other account) and
 * {@code list-grants} (every page) by key ARN (or the id), filed by key id, at once for a key id or ARN and after
 * {@code describe-key} has resolved an alias. AWS owned and AWS managed keys are not looked up ({@link KeyReference},
 * as the reader decides).
 */
final class Keys {

    /** The most grants KMS lists on one page. */
    private static final int GRANTS_PAGE = 100;

    private final Run run;
    private final String account;
    private final Map<String, CompletableFuture<?>> calls = new ConcurrentHashMap<>();

    private Keys(Run run, String account) {
        this.run = run;
        this.account = account;
    }

    static Keys of(Run run, String account) {
        return run.keys().computeIfAbsent(account, a -> new Keys(run, a));
    }

    /** Looks up the key {@code ref} names, as referred to from {@code region}; calls run in the referrer's lane. */
    void refer(Scheduler.Lane lane, String region, String ref) {
        if (ref == null || KeyReference.classify(ref) != KeyReference.LOOKUP) {
            return;
        }
        String keyRegion = region;
        String resource = ref;
        if (ref.startsWith("arn:")) {
            String[] parts = ref.split(":", 6);
            if (parts.length < 6 || !LiveOptions.REGION.matcher(parts[3]).matches()) {
                return; // not a key ARN: the reader says the key is unknown, naming the reference
            }
            keyRegion = parts[3];
            resource = parts[5];
        }
        String name = resource.startsWith("key/") ? resource.substring(4) : resource;
        String r = keyRegion;
        KmsClient kms = run.clients.kms(account, r);
        @SuppressWarnings("unchecked")
        CompletableFuture<List<DescribeKeyResponse>> described =
                (CompletableFuture<List<DescribeKeyResponse>>) calls.computeIfAbsent(
                        "describe " + r + " " + name,
                        k -> run.call(
                                lane,
                                account,
                                r,
                                AwsCliCall.KMS_DESCRIBE_KEY,
                                name,
                                () -> List.of(kms.describeKey(q -> q.keyId(ref)))));
        if (!resource.startsWith("alias/")) {
            rotation(lane, r, kms, name, ref);
        } else {
            run.then(described, pages -> {
                KeyMetadata m = pages.get(0).keyMetadata();
                if (m != null && m.keyId() != null && m.arn() != null) {
                    rotation(lane, r, kms, m.keyId(), m.arn());
                }
            });
        }
    }

    private void rotation(Scheduler.Lane lane, String region, KmsClient kms, String keyId, String target) {
        calls.computeIfAbsent(
                "rotation " + region + " " + keyId,
                k -> run.call(
                        lane,
                        account,
                        region,
                        AwsCliCall.KMS_GET_KEY_ROTATION_STATUS,
                        keyId,
                        () -> List.of(kms.getKeyRotationStatus(q -> q.keyId(target)))));
        if (run.extent == LiveCollector.Extent.ESTATE && ownKey(target)) {
            calls.computeIfAbsent(
                    "policy " + region + " " + keyId,
                    k -> run.call(
                            lane,
                            account,
                            region,
                            AwsCliCall.KMS_GET_KEY_POLICY,
                            keyId,
                            () -> List.of(kms.getKeyPolicy(q -> q.keyId(target).policyName("default")))));
            calls.computeIfAbsent(
                    "grants " + region + " " + keyId,
                    k -> run.call(
                            lane,
                            account,
                            region,
                            AwsCliCall.KMS_LIST_GRANTS,
                            keyId,
                            () -> kms.listGrantsPaginator(q -> q.keyId(target).limit(GRANTS_PAGE))));
        }
    }

    /** Whether {@code target}, a key ARN or a bare key id (this account's), names a key of this account. */
    private boolean ownKey(String target) {
        String owner = Arns.accountOf(target);
        return owner == null || owner.equals(account);
    }
}
