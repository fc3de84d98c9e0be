package io.rsaudit.core.model;

import java.util.List;

/**
 * One grant of a KMS key ({@code list-grants}): whom it lets use the key, and for which operations. A grant lets its
 * grantee make those calls with the key whatever the key policy says.
 *
 * @param grantId the grant's id; {@code null} when the entry has none
 * @param granteePrincipal who may use the key through the grant: an IAM or STS ARN, an account id, an AWS service
 *     principal ({@code redshift.eu-west-1.amazonaws.com}), or a unique id ({@code AROA...}) KMS shows for a
 *     principal it no longer names
 * @param retiringPrincipal who may retire the grant; not set when no one is named
 * @param operations the KMS operations the grant allows, as KMS lists them ({@code Decrypt}, {@code CreateGrant},
 *     without the {@code kms:} prefix)
 */
public record KeyGrant(
        String grantId,
        Value<String> granteePrincipal,
        Value<String> retiringPrincipal,
        Value<List<String>> operations) {}
