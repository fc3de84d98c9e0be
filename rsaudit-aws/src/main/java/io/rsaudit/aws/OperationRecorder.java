package io.rsaudit.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS operation invoked through the clients it is attached to (via {@link LiveOptions#interceptors()}),
 * once per API call whatever its retries, as the IAM action it needs. Tests attach one to prove the scan is read-only
 * and covered by the published IAM policies.
 */
public final class OperationRecorder implements ExecutionInterceptor {

    /** The SDK's service names ({@code SdkExecutionAttribute.SERVICE_NAME}) as IAM prefixes, where they differ. */
    private static final Map<String, String> IAM_PREFIX = Map.of(
            "RedshiftServerless", "redshift-serverless",
            "SSOOIDC", "sso-oauth",
            "CloudWatchLogs", "logs");
    /** Operations whose IAM action is named otherwise. */
    private static final Map<Action, Action> IAM_ACTION =
            Map.of(new Action("s3", "ListObjectsV2"), new Action("s3", "ListBucket"));

    private final Set<Action> actions = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Action called = new Action(IAM_PREFIX.getOrDefault(service, service.toLowerCase(Locale.ROOT)), operation);
        actions.add(IAM_ACTION.getOrDefault(called, called));
    }

    /** Every action recorded so far, sorted by IAM name. */
    public Set<String> iamActions() {
        Set<String> names = new TreeSet<>();
        actions.forEach(a -> names.add(a.iam()));
        return names;
    }

    public Set<Action> actions() {
        return Set.copyOf(actions);
    }
}
