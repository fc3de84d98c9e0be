package io.rsaudit.fix.plan;

import io.rsaudit.core.model.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One API call of a plan, with the values it replaces.
 *
 * @param service the IAM service prefix: {@code redshift}, {@code redshift-serverless}, {@code kms}
 * @param action the API operation: {@code ModifyCluster}
 * @param scope the account and region the call goes to
 * @param params the request members by their API names, in the order a person reads them; a value is a String,
 *     Integer, Boolean, a list of strings, or a list of string maps (parameter lists)
 * @param before for each member the call changes, the value read before it ({@code null}: not set); empty when the
 *     call creates something or cannot be undone by another call
 */
public record Call(String service, String action, Scope scope, Map<String, Object> params, Map<String, Object> before) {

    public Call {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(scope, "scope");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
    }

    /** The IAM action the call needs: {@code redshift:ModifyCluster}. */
    public String iamAction() {
        return service + ":" + action;
    }

    /**
     * What identifies the call across runs (a resumed apply skips the calls a journal shows done): the scope, the
     * action and the parameters.
     */
    public String key() {
        return scope.account() + "|" + scope.region() + "|" + iamAction() + "|" + params;
    }

    /** A builder of the ordered parameter maps. */
    public static final class Params {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public Params put(String name, Object value) {
            values.put(name, value);
            return this;
        }

        public Map<String, Object> build() {
            return values;
        }
    }

    public static Params args() {
        return new Params();
    }

    /** A list of {@code {ParameterName, ParameterValue}} (or serverless {@code parameterKey/parameterValue}) maps. */
    public static List<Map<String, String>> pairs(String nameKey, String valueKey, Map<String, String> values) {
        List<Map<String, String>> out = new ArrayList<>();
        values.forEach((k, v) -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(nameKey, k);
            m.put(valueKey, v);
            out.add(Collections.unmodifiableMap(m));
        });
        return List.copyOf(out);
    }
}
