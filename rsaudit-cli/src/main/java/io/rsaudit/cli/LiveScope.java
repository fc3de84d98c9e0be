package io.rsaudit.cli;

import io.rsaudit.aws.LiveOptions;
import io.rsaudit.aws.Progress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of a live collection, shared by {@code scan} and {@code export} (a picocli mixin). */
final class LiveScope {

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "AWS profile for the caller's credentials (SSO profiles too). Default: the SDK's default"
                    + " credential chain (environment, system properties, web identity, ~/.aws, container, instance).")
    String profile;

    @Option(
            names = "--role-name",
            paramLabel = "NAME",
            description = "Role to assume in each target account (arn:aws:iam::<account>:role/NAME); needs --accounts"
                    + " or --org.")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id the role's trust policy requires.")
    String externalId;

    @Option(
            names = "--accounts",
            split = ",",
            paramLabel = "ID",
            description = "Target accounts (12 digits, comma-separated); needs --role-name.")
    List<String> accounts;

    @Option(
            names = "--org",
            description = "Target every ACTIVE account of the AWS organization (ListAccounts, from"
                    + " the management or a delegated administrator account); needs --role-name.")
    boolean org;

    @Option(
            names = {"--regions", "--region"},
            split = ",",
            paramLabel = "REGION",
            description = "Collect only these regions (--region is the same option). Default: every region enabled"
                    + " for each account.")
    List<String> regions;

    @Option(
            names = "--aws-region",
            paramLabel = "REGION",
            description = "Region of the account-wide calls (STS, region list), as in hunt. Default: the first of"
                    + " --regions, else the profile's or environment's region, else us-east-1.")
    String homeRegion;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "Send every AWS call to this endpoint (as the"
                    + " AWS CLI's --endpoint-url), e.g. a local AWS emulator.")
    String endpointUrl;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "Most AWS calls in flight at once (at most " + LiveOptions.DEFAULT_PER_REGION
                    + " per account-region). Default: " + LiveOptions.DEFAULT_CONCURRENCY + ".")
    Integer concurrency;

    /** The help of {@code --max-attempts}, which {@code hunt} shares. */
    static final String MAX_ATTEMPTS_HELP = "Most attempts of one AWS call, the first included: throttling and 5xx"
            + " are retried with exponential back-off (at most " + LiveOptions.CallLimits.MAX_ATTEMPTS + "). Default: "
            + LiveOptions.CallLimits.DEFAULT_MAX_ATTEMPTS + ".";

    @Option(names = "--max-attempts", paramLabel = "N", description = MAX_ATTEMPTS_HELP)
    Integer maxAttempts;

    /** Whether any live option was given (they exclude {@code --input}). */
    List<String> given() {
        List<String> names = new ArrayList<>();
        add(names, "--profile", profile != null);
        add(names, "--role-name", roleName != null);
        add(names, "--external-id", externalId != null);
        add(names, "--accounts", accounts != null);
        add(names, "--org", org);
        add(names, "--regions", regions != null);
        add(names, "--aws-region", homeRegion != null);
        add(names, "--endpoint-url", endpointUrl != null);
        add(names, "--concurrency", concurrency != null);
        add(names, "--max-attempts", maxAttempts != null);
        return names;
    }

    private static void add(List<String> names, String name, boolean given) {
        if (given) {
            names.add(name);
        }
    }

    /** The options, validated: what is wrong is a usage error naming the option. */
    LiveOptions options(Progress progress) {
        URI endpoint = null;
        if (endpointUrl != null) {
            try {
                endpoint = new URI(endpointUrl);
            } catch (URISyntaxException e) {
                throw new Main.UsageException("--endpoint-url: not a URL: " + endpointUrl);
            }
            if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?") || endpoint.getHost() == null) {
                throw new Main.UsageException("--endpoint-url: expected http(s)://host[:port], not " + endpointUrl);
            }
        }
        try {
            return new LiveOptions(
                            profile,
                            null,
                            roleName,
                            externalId,
                            clean(accounts),
                            org,
                            clean(regions),
                            homeRegion,
                            endpoint,
                            concurrency == null ? LiveOptions.DEFAULT_CONCURRENCY : concurrency,
                            List.of(),
                            progress)
                    .withCallLimits(callLimits(maxAttempts));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    /** The default call limits with {@code --max-attempts} when given; out of range is a usage error. */
    static LiveOptions.CallLimits callLimits(Integer maxAttempts) {
        try {
            return maxAttempts == null
                    ? LiveOptions.CallLimits.DEFAULT
                    : LiveOptions.CallLimits.DEFAULT.withMaxAttempts(maxAttempts);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }
}
