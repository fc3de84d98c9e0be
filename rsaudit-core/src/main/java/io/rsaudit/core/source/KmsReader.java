package io.rsaudit.core.source;

import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.KeyGrant;
import io.rsaudit.core.model.KeyMetadata;
import io.rsaudit.core.model.KeyPolicy;
import io.rsaudit.core.model.KmsKey;
import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.model.Reason;
import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.ResourceType;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.model.Value;
import java.util.List;

/**
 * Reads {@code kms describe-key}, {@code get-key-rotation-status}, {@code get-key-policy} and {@code list-grants} for a
 * key a resource names. The files sit in the referring account's folder, in the region the key ARN names (the
 * referrer's region for a bare id or alias), named by the key id or alias. The key policy and the grants of a key of
 * another account are not read: KMS gives a key policy only to the key's own account, and the grants are asked only
 * there, so the export has neither.
 */
final class KmsReader {

    static final Projection DESCRIBE_KEY = Projection.of(AwsShapes.DESCRIBE_KEY)
            .with(
                    "KeyMetadata",
                    Projection.of(
                            AwsShapes.KEY_METADATA,
                            "KeyId",
                            "Arn",
                            "KeyManager",
                            "KeyState",
                            "Origin",
                            "KeySpec",
                            "DeletionDate"));

    static final Projection ROTATION_STATUS =
            Projection.of(AwsShapes.KEY_ROTATION_STATUS, "KeyRotationEnabled", "RotationPeriodInDays");

    static final Projection KEY_POLICY = Projection.of(AwsShapes.KEY_POLICY, "Policy");

    static final Projection GRANT =
            Projection.of(AwsShapes.GRANT, "GrantId", "GranteePrincipal", "RetiringPrincipal", "Operations");

    private final ExportReader export;

    KmsReader(ExportReader export) {
        this.export = export;
    }

    /** The key {@code ref} names, as seen from a resource in {@code referrer}. */
    KmsKey key(Scope referrer, String ref, List<String> usedBy) {
        String region = Arns.region(ref);
        Scope where = new Scope(referrer.account(), region != null ? region : referrer.region());
        String resource = region != null ? ref.split(":", 6)[5] : ref;
        String fileName = resource.startsWith("key/") ? resource.substring("key/".length()) : resource;
        Value<ResponseObject> doc = export.document(where, AwsCliCall.KMS_DESCRIBE_KEY, fileName, DESCRIBE_KEY);
        Value<KeyMetadata> metadata = doc.isUnknown() ? doc.map(x -> null) : metadata(doc.value());
        String keyId = metadata.isPresent() && metadata.value().keyId() != null
                ? metadata.value().keyId()
                : fileName;
        Value<ResponseObject> rotation =
                export.document(where, AwsCliCall.KMS_GET_KEY_ROTATION_STATUS, keyId, ROTATION_STATUS);
        String arn = metadata.isPresent() && metadata.value().arn() != null
                ? metadata.value().arn()
                : region != null
                        ? ref
                        : "arn:" + where.partition() + ":kms:" + where.region() + ":" + where.account() + ":key/" + ref;
        String keyAccount = Arns.accountOf(arn);
        Scope keyScope = new Scope(keyAccount != null ? keyAccount : where.account(), where.region());
        boolean own = keyScope.account().equals(where.account());
        ResourceId id = new ResourceId(
                ResourceType.KMS_KEY,
                keyScope,
                keyId,
                arn,
                metadata.isPresent() ? metadata.provenance() : doc.provenance());
        return new KmsKey(
                id,
                metadata,
                rotation.isUnknown()
                        ? rotation.map(x -> null)
                        : rotation.value().bool("KeyRotationEnabled", Absent.UNKNOWN),
                rotation.isUnknown()
                        ? rotation.map(x -> null)
                        : rotation.value().integer("RotationPeriodInDays", Absent.NOT_SET),
                own
                        ? policy(where, keyId)
                        : ofAnotherAccount(
                                where,
                                keyScope.account(),
                                AwsCliCall.KMS_GET_KEY_POLICY,
                                keyId,
                                "KMS gives a key policy only to the key's own account, not to account"),
                own
                        ? grants(where, keyId)
                        : ofAnotherAccount(
                                where,
                                keyScope.account(),
                                AwsCliCall.KMS_LIST_GRANTS,
                                keyId,
                                "rsaudit lists a key's grants only in the key's own account, not in account"),
                usedBy);
    }

    /** The policy of key {@code keyId} of the account of {@code where}, as collected there. */
    private Value<KeyPolicy> policy(Scope where, String keyId) {
        Value<ResponseObject> doc = export.document(where, AwsCliCall.KMS_GET_KEY_POLICY, keyId, KEY_POLICY);
        Value<String> document =
                doc.isUnknown() ? doc.map(x -> null) : doc.value().text("Policy", Absent.UNKNOWN);
        Value<KeyPolicy> policy = KeyPolicy.of(document);
        if (document.isPresent() && policy.isUnknown()) {
            export.diagnostics.error(Kind.INVALID_VALUE, policy.provenance().toString(), policy.note());
        }
        return policy;
    }

    /**
     * The grants of key {@code keyId} of the account of {@code where}, as collected there; unknown unless the list was
     * read whole.
     */
    private Value<List<KeyGrant>> grants(Scope where, String keyId) {
        return export.documentElements(
                        where, AwsCliCall.KMS_LIST_GRANTS, keyId, Projection.of(AwsShapes.LIST_GRANTS), GRANT)
                .map(grants -> grants.stream().map(KmsReader::grant).toList());
    }

    private static KeyGrant grant(ResponseObject g) {
        return new KeyGrant(
                g.text("GrantId", Absent.NOT_SET).value(),
                g.text("GranteePrincipal", Absent.UNKNOWN),
                g.text("RetiringPrincipal", Absent.NOT_SET),
                g.texts("Operations", Absent.UNKNOWN));
    }

    /**
     * What {@code where} does not collect for key {@code keyId} of {@code keyAccount}, another account: {@code why}
     * (a call asked only of the key's own account, "..., not to account"), then the account of {@code where}.
     */
    private <T> Value<T> ofAnotherAccount(Scope where, String keyAccount, AwsCliCall call, String keyId, String why) {
        return Value.unknown(
                Provenance.of(export.export.location(where, call, keyId), ""),
                Reason.Kind.NOT_COLLECTED,
                "the key belongs to account " + keyAccount + ", and " + why + " " + where.account());
    }

    private static Value<KeyMetadata> metadata(ResponseObject doc) {
        Value<ResponseObject> meta = doc.object("KeyMetadata");
        if (!meta.isPresent()) {
            return meta.isUnknown()
                    ? meta.map(x -> null)
                    : Value.unknown(
                            doc.at("KeyMetadata"),
                            Reason.Kind.ABSENT,
                            "'KeyMetadata' is absent from " + doc.provenance());
        }
        ResponseObject m = meta.value();
        return Value.known(
                new KeyMetadata(
                        m.text("KeyId", Absent.UNKNOWN).value(),
                        m.text("Arn", Absent.UNKNOWN).value(),
                        m.text("KeyManager", Absent.UNKNOWN),
                        m.text("KeyState", Absent.UNKNOWN),
                        m.text("Origin", Absent.UNKNOWN),
                        m.text("KeySpec", Absent.NOT_SET),
                        m.instant("DeletionDate", Absent.NOT_SET)),
                meta.provenance());
    }
}
