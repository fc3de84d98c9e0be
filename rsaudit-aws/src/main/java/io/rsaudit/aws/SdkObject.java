package io.rsaudit.aws;

import io.rsaudit.core.model.Provenance;
import io.rsaudit.core.source.Diagnostics;
import io.rsaudit.core.source.Projection;
import io.rsaudit.core.source.ResponseObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An AWS SDK response object, read by the same service readers as a file of an export: its members by their model
 * names ({@link SdkField#memberName()}, the names the AWS CLI prints, which {@code AwsShapesContractTest} keeps equal
 * to the readers' table), straight from the SDK's field table, with no JSON in between. A member the response
 * did not carry (the SDK's auto-constructed empty list or map) is absent, as it is from the CLI's output.
 */
final class SdkObject extends ResponseObject {

    /** Each model class's fields by member name, made once per class. */
    private static final Map<Class<?>, Map<String, SdkField<?>>> BY_CLASS = new ConcurrentHashMap<>();

    private final SdkPojo pojo;

    SdkObject(SdkPojo pojo, Provenance provenance, Projection projection, Diagnostics diagnostics) {
        super(provenance, projection, diagnostics);
        this.pojo = pojo;
    }

    private static Map<String, SdkField<?>> fields(SdkPojo pojo) {
        return BY_CLASS.computeIfAbsent(pojo.getClass(), c -> {
            Map<String, SdkField<?>> byName = new HashMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                byName.put(f.memberName(), f);
            }
            return byName;
        });
    }

    /** A member's value as the response holds it; {@code null} when the response did not carry it. */
    static Object value(SdkPojo pojo, String member) {
        SdkField<?> field = fields(pojo).get(member);
        if (field == null) {
            throw new IllegalStateException(
                    member + " is not a member of " + pojo.getClass().getSimpleName());
        }
        Object v = field.getValueOrDefault(pojo);
        return v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?> ? null : v;
    }

    @Override
    protected Object member(int slot, String name) {
        return value(pojo, name);
    }

    @Override
    protected boolean isObject(Object value) {
        return value instanceof SdkPojo;
    }

    @Override
    protected ResponseObject object(Object value, Provenance at, Projection projection) {
        return new SdkObject((SdkPojo) value, at, projection, diagnostics());
    }

    @Override
    protected String objectText(Object value) {
        return value.toString();
    }
}
