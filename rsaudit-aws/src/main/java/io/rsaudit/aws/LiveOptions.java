package io.rsaudit.aws;

import com.google.re2j.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What a live collection reads and how.
 *
 * @param profile the AWS profile for the caller's credentials (SSO profiles included), or {@code null} for the default
 *     credential chain
 * @param credentials the caller's credentials, overriding {@code profile} and the default chain; {@code null} unless
 *     embedding code supplies its own
 * @param roleName the role assumed in each target account ({@code arn:<partition>:iam::<account>:role/<roleName>}),
 *     or {@code null} to use the caller's credentials as they are (one account: theirs)
 * @param externalId the external id the role's trust policy demands, or {@code null}
 * @param accounts the target accounts (12 digits each); empty for the caller's own account, or with {@code org}
 * @param org take the target accounts from AWS Organizations (ListAccounts, ACTIVE accounts only)
 * @param regions the regions to collect; empty for every region enabled for each account
 * @param homeRegion the region of the account-wide calls (STS, region list, Organizations), or {@code null} for the
 *     profile's or environment's region, else us-east-1
 * @param endpointOverride one endpoint for every service (a local emulator, the tests' simulator), or {@code null}
 * @param concurrency the most API calls in flight at once, over every account and region
 * @param interceptors added to every SDK client, the credential providers' STS client included
 * @param progress told how the collection advances; {@link Progress#NONE} to tell no one
 * @param perRegion the most API calls in flight at once in one account-region
 * @param calls how long one attempt, and one call with its retries, may take, and how often a call is tried
 */
public record LiveOptions(
        String profile,
        AwsCredentialsProvider credentials,
        String roleName,
        String externalId,
        List<String> accounts,
        boolean org,
        List<String> regions,
        String homeRegion,
        URI endpointOverride,
        int concurrency,
        List<ExecutionInterceptor> interceptors,
        Progress progress,
        int perRegion,
        CallLimits calls) {

    /** The default for {@code --concurrency}: see docs/live-scan.md for how it was chosen. */
    public static final int DEFAULT_CONCURRENCY = 256;

    /** The most {@code --concurrency} allows: one thread and one pooled connection per call in flight. */
    public static final int MAX_CONCURRENCY = 512;

    /** The default most calls in flight for one account-region: AWS throttles per account and region. */
    public static final int DEFAULT_PER_REGION = 8;

    /**
     * How one SDK call is made: how long each attempt, and the call with its retries, may take (the SDK's
     * {@code apiCallAttemptTimeout} and {@code apiCallTimeout}), and how often it is tried. Throttling and 5xx are
     * retried with exponential, jittered back-off from {@code backoff} (the SDK's own base delays when {@code null}).
     * A call that runs out of time or attempts is a failed call.
     *
     * @param attempt the most one attempt may take
     * @param call the most a call may take, its retries and back-offs included
     * @param maxAttempts the most attempts of one call, the first included ({@code --max-attempts})
     * @param backoff the base delay of the back-off between attempts, or {@code null} for the SDK's
     * @param adaptive whether each client also slows itself down while AWS throttles it (the SDK's adaptive retry
     *     strategy, the default; otherwise its standard strategy, which only backs off): tests of the retries turn
     *     it off, as the adaptive client waits seconds after the simulator's first throttles
     */
    public record CallLimits(Duration attempt, Duration call, int maxAttempts, Duration backoff, boolean adaptive) {

        /** The SDK's default attempts (three) of an adaptive retry strategy. */
        public static final int DEFAULT_MAX_ATTEMPTS = 3;

        /** The most {@code --max-attempts} allows: past that, a throttled estate is better scanned later. */
        public static final int MAX_ATTEMPTS = 20;

        /**
         * 20 s an attempt, 90 s a call, three attempts with the SDK's back-off: a page of AWS takes well under a
         * second; the timeouts only end hung calls.
         */
        public static final CallLimits DEFAULT =
                new CallLimits(Duration.ofSeconds(20), Duration.ofSeconds(90), DEFAULT_MAX_ATTEMPTS, null, true);

        public CallLimits {
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(call, "call");
            if (attempt.isNegative() || attempt.isZero() || call.compareTo(attempt) < 0) {
                throw new IllegalArgumentException(
                        "timeouts must be positive, and a call's at least an attempt's: " + attempt + ", " + call);
            }
            if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
                throw new IllegalArgumentException(
                        "--max-attempts must be between 1 and " + MAX_ATTEMPTS + ", not " + maxAttempts);
            }
            if (backoff != null && backoff.isNegative()) {
                throw new IllegalArgumentException("a back-off cannot be negative: " + backoff);
            }
        }

        public CallLimits withMaxAttempts(int n) {
            return new CallLimits(attempt, call, n, backoff, adaptive);
        }

        /** Standard retries (no adaptive slowing down) with {@code base} as the back-off's base delay. */
        public CallLimits withStandardBackoff(Duration base) {
            return new CallLimits(attempt, call, maxAttempts, base, false);
        }
    }

    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** The shape of a region name (as the offline layout accepts region folders). */
    static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@/-]{1,512}");

    public LiveOptions {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        interceptors = List.copyOf(interceptors);
        Objects.requireNonNull(progress, "progress");
        for (String a : accounts) {
            if (!ACCOUNT.matcher(a).matches()) {
                throw new IllegalArgumentException("not a 12-digit AWS account id: '" + a + "'");
            }
        }
        for (String r : regions) {
            if (!REGION.matcher(r).matches()) {
                throw new IllegalArgumentException("not a region name: '" + r + "' (expected e.g. eu-west-1)");
            }
        }
        if (homeRegion != null && !REGION.matcher(homeRegion).matches()) {
            throw new IllegalArgumentException("not a region name: '" + homeRegion + "'");
        }
        if (roleName != null && !ROLE_NAME.matcher(roleName).matches()) {
            throw new IllegalArgumentException("not an IAM role name: '" + roleName + "'");
        }
        if (org && !accounts.isEmpty()) {
            throw new IllegalArgumentException("--org and --accounts are mutually exclusive: name the accounts, or"
                    + " take them from AWS Organizations");
        }
        if ((org || !accounts.isEmpty()) && roleName == null) {
            throw new IllegalArgumentException(
                    (org ? "--org" : "--accounts") + " needs --role-name: the role to" + " assume in each account");
        }
        if (roleName != null && !org && accounts.isEmpty()) {
            throw new IllegalArgumentException("--role-name needs the accounts to assume it in: --accounts or --org");
        }
        if (externalId != null && roleName == null) {
            throw new IllegalArgumentException("--external-id needs --role-name");
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
        }
        if (perRegion < 1) {
            throw new IllegalArgumentException("the per account-region limit must be at least 1, not " + perRegion);
        }
        Objects.requireNonNull(calls, "calls");
    }

    /** With the default per account-region limit and call limits. */
    public LiveOptions(
            String profile,
            AwsCredentialsProvider credentials,
            String roleName,
            String externalId,
            List<String> accounts,
            boolean org,
            List<String> regions,
            String homeRegion,
            URI endpointOverride,
            int concurrency,
            List<ExecutionInterceptor> interceptors,
            Progress progress) {
        this(
                profile,
                credentials,
                roleName,
                externalId,
                accounts,
                org,
                regions,
                homeRegion,
                endpointOverride,
                concurrency,
                interceptors,
                progress,
                DEFAULT_PER_REGION,
                CallLimits.DEFAULT);
    }

    /** The caller's own account, every enabled region, default credentials and concurrency. */
    public static LiveOptions defaults() {
        return new LiveOptions(
                null,
                null,
                null,
                null,
                List.of(),
                false,
                List.of(),
                null,
                null,
                DEFAULT_CONCURRENCY,
                List.of(),
                Progress.NONE);
    }

    public LiveOptions withEndpoint(URI endpoint) {
        return new LiveOptions(
                profile,
                credentials,
                roleName,
                externalId,
                accounts,
                org,
                regions,
                homeRegion,
                endpoint,
                concurrency,
                interceptors,
                progress,
                perRegion,
                calls);
    }

    public LiveOptions withCredentials(AwsCredentialsProvider provider) {
        return new LiveOptions(
                profile,
                provider,
                roleName,
                externalId,
                accounts,
                org,
                regions,
                homeRegion,
                endpointOverride,
                concurrency,
                interceptors,
                progress,
                perRegion,
                calls);
    }

    public LiveOptions withRole(String name, String external, List<String> targets, boolean fromOrg) {
        return new LiveOptions(
                profile,
                credentials,
                name,
                external,
                targets,
                fromOrg,
                regions,
                homeRegion,
                endpointOverride,
                concurrency,
                interceptors,
                progress,
                perRegion,
                calls);
    }

    public LiveOptions withRegions(List<String> names) {
        return new LiveOptions(
                profile,
                credentials,
                roleName,
                externalId,
                accounts,
                org,
                names,
                homeRegion,
                endpointOverride,
                concurrency,
                interceptors,
                progress,
                perRegion,
                calls);
    }

    public LiveOptions withInterceptors(List<ExecutionInterceptor> added) {
        return new LiveOptions(
                profile,
                credentials,
                roleName,
                externalId,
                accounts,
                org,
                regions,
                homeRegion,
                endpointOverride,
                concurrency,
                added,
                progress,
                perRegion,
                calls);
    }

    public LiveOptions withConcurrency(int n) {
        return new LiveOptions(
                profile,
                credentials,
                roleName,
                externalId,
                accounts,
                org,
                regions,
                homeRegion,
                endpointOverride,
                n,
                interceptors,
                progress,
                perRegion,
                calls);
    }

    public LiveOptions withProgress(Progress listener) {
        return new LiveOptions(
                profile,
                credentials,
                roleName,
                externalId,
                accounts,
                org,
                regions,
                homeRegion,
                endpointOverride,
                concurrency,
                interceptors,
                listener,
                perRegion,
                calls);
    }

    public LiveOptions withPerRegion(int n) {
        return new LiveOptions(
                profile,
                credentials,
                roleName,
                externalId,
                accounts,
                org,
                regions,
                homeRegion,
                endpointOverride,
                concurrency,
                interceptors,
                progress,
                n,
                calls);
    }

    public LiveOptions withCallLimits(CallLimits t) {
        return new LiveOptions(
                profile,
                credentials,
                roleName,
                externalId,
                accounts,
                org,
                regions,
                homeRegion,
                endpointOverride,
                concurrency,
                interceptors,
                progress,
                perRegion,
                t);
    }

    /** The live scope in words, for the report's {@code input}: {@code aws: accounts 111…,222…; regions …}. */
    public String describe() {
        String who = org
                ? "accounts of the organization"
                : accounts.isEmpty() ? "the credentials' account" : "accounts " + String.join(",", accounts);
        String where = regions.isEmpty() ? "every enabled region" : "regions " + String.join(",", regions);
        return "aws: " + who + (roleName == null ? "" : " (role " + roleName + ")") + "; " + where
                + (endpointOverride == null ? "" : "; endpoint " + endpointOverride);
    }
}
