package io.rsaudit.core.model;

/**
 * What {@code kms describe-key} says of a key.
 *
 * @param keyManager {@code AWS} (AWS managed, e.g. {@code aws/redshift}) or {@code CUSTOMER}
 * @param origin {@code AWS_KMS}, {@code EXTERNAL}, {@code AWS_CLOUDHSM} or {@code EXTERNAL_KEY_STORE}
 * @param deletionDate when KMS deletes a key that is pending deletion; {@code null} otherwise
 */
public record KeyMetadata(
        String keyId,
        String arn,
        Value<String> keyManager,
        Value<String> keyState,
        Value<String> origin,
        Value<String> keySpec,
        Value<java.time.Instant> deletionDate) {

    public boolean isCustomerManaged() {
        return "CUSTOMER".equals(keyManager.value());
    }
}
