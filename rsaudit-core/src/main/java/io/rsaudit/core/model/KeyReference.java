package io.rsaudit.core.model;

/** What a {@code KmsKeyId} string on a Redshift resource names, before any KMS lookup. */
public enum KeyReference {
    /** No key id: the resource is not KMS-encrypted, or AWS reports no key. */
    NONE,
    /** The AWS-owned key sentinel: no customer control, no CloudTrail record of key use. */
    AWS_OWNED,
    /** An alias in the {@code aws/} namespace: an AWS managed key. */
    AWS_MANAGED_ALIAS,
    /** A key id, key ARN or customer alias: {@code describe-key} tells who manages it. */
    LOOKUP;

    public static final String AWS_OWNED_SENTINEL = "AWS_OWNED_KMS_KEY";

    public static KeyReference classify(String kmsKeyId) {
        if (kmsKeyId == null || kmsKeyId.isBlank()) {
            return NONE;
        }
        if (kmsKeyId.equals(AWS_OWNED_SENTINEL)) {
            return AWS_OWNED;
        }
        if (kmsKeyId.startsWith("alias/aws/") || kmsKeyId.contains(":alias/aws/")) {
            return AWS_MANAGED_ALIAS;
        }
        return LOOKUP;
    }
}
