package io.rsaudit.aws;

import io.rsaudit.core.source.AwsCliCall;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * One account: its credentials (the assumed role, when there is one), its identity ({@code sts/get-caller-identity}),
 * its enabled regions (ec2 DescribeRegions, asked at the same time), then one {@link RegionCollector} per region, all
 * at once. What fails here becomes the file the offline reader reports: a role that cannot be assumed is the
 * account's {@code sts/get-caller-identity.error}, an unreadable region list {@code ec2/describe-regions.error}, a
 * named region that is not enabled an {@code .error} for each of its list calls.
 */
final class AccountCollector {

    /** The caller's own account before STS has named it: the key of its clients. */
    private static final String CALLER = "(caller)";

    /** The region list, or the error that kept it from being read. */
    private record Regions(DescribeRegionsResponse listed, SdkException error) {}

    private final Run run;
    private final Scheduler.Lane lane;
    /** The target account, or {@code null} for the caller's own, known only once STS names it. */
    private final String target;

    private final String home;

    AccountCollector(Run run, String target) {
        this.run = run;
        this.target = target;
        this.lane = run.side();
        this.home = run.clients.homeRegion();
    }

    void start() {
        lane.submit(Scheduler.Order.LIST, this::begin);
        lane.seal();
    }

    private Void begin() {
        if (target != null) {
            run.sink.account(target);
            if (run.options.roleName() != null && !assumeRole()) {
                return null;
            }
        }
        CompletableFuture<Regions> regions = lane.submit(Scheduler.Order.LIST, this::describeRegions);
        String account = target;
        if (account == null) {
            GetCallerIdentityResponse me = callerIdentity();
            if (me == null) {
                return null;
            }
            account = me.account();
            run.sink.account(account);
            run.answered(account, null, AwsCliCall.STS_GET_CALLER_IDENTITY, null, List.of(me));
        } else {
            String a = account;
            run.call(
                    lane,
                    a,
                    null,
                    AwsCliCall.STS_GET_CALLER_IDENTITY,
                    null,
                    () -> List.of(run.clients.sts(a, home, run.clients.in(a)).getCallerIdentity()));
        }
        String a = account;
        run.then(regions, r -> regions(a, r));
        return null;
    }

    /** Resolves the role's credentials first, so that a role that cannot be assumed is named once, for the account. */
    private boolean assumeRole() {
        try {
            run.clients.in(target).resolveCredentials();
            return true;
        } catch (SdkException e) {
            String text = run.errorText.of(Action.ASSUME_ROLE, target, null, e).stripTrailing() + " (role "
                    + run.clients.roleArn(target) + "; nothing in this account was collected)\n";
            run.failed(target, null, AwsCliCall.STS_GET_CALLER_IDENTITY, null, text, e);
            return false;
        }
    }

    private GetCallerIdentityResponse callerIdentity() {
        try {
            return run.clients.sts(CALLER, home, run.clients.caller()).getCallerIdentity();
        } catch (SdkException e) {
            run.problem(run.errorText
                            .of(new Action("sts", "GetCallerIdentity"), null, home, e)
                            .strip() + " (the credentials' account is unknown, so nothing was collected)");
            return null;
        } finally {
            run.changed();
        }
    }

    private Regions describeRegions() {
        try {
            return new Regions(
                    run.clients.ec2(target == null ? CALLER : target, home).describeRegions(), null);
        } catch (SdkException e) {
            return new Regions(null, e);
        } finally {
            run.changed();
        }
    }

    private void regions(String account, Regions regions) {
        Set<String> enabled = new TreeSet<>();
        if (regions.listed() != null) {
            regions.listed().regions().stream()
                    .map(Region::regionName)
                    .filter(r -> r != null && LiveOptions.REGION.matcher(r).matches())
                    .forEach(enabled::add);
        }
        List<String> named = run.options.regions();
        if (named.isEmpty() && regions.listed() == null) {
            run.regionsFailed(
                    account,
                    run.errorText
                                    .of(Action.DESCRIBE_REGIONS, account, home, regions.error())
                                    .stripTrailing()
                            + " (the account's regions are unknown, so none was collected; name them with"
                            + " --regions)\n");
            return;
        }
        if (regions.listed() == null) {
            // the named regions are still collected, but the failure is a collection error of its own (exit 3)
            run.problem(run.errorText
                            .of(Action.DESCRIBE_REGIONS, account, home, regions.error())
                            .strip()
                    + " (the regions named with --regions were collected without knowing whether account " + account
                    + " has them enabled, and regions it has enabled beyond them were not looked for)");
        }
        Set<String> asked = named.isEmpty() ? enabled : new TreeSet<>(named);
        Set<String> collected = new TreeSet<>(asked);
        if (regions.listed() != null) {
            collected.retainAll(enabled);
        }
        for (String region : asked) {
            if (!collected.contains(region)) {
                notEnabled(account, region);
            } else {
                new RegionCollector(run, account, region, collected).start();
            }
        }
    }

    /** A named region the account has not enabled: each list call gets an error saying so, none is made. */
    private void notEnabled(String account, String region) {
        for (AwsCliCall call : AwsCliCall.values()) {
            if (call.regional() && call.perResource() == null) {
                run.failed(
                        account,
                        region,
                        call,
                        null,
                        run.errorText.notMade(
                                "RegionNotEnabled",
                                Action.of(call),
                                account,
                                region,
                                "region " + region + " is not enabled for account " + account
                                        + " (ec2 DescribeRegions does not list it: opted out, or not opted in); the call was"
                                        + " not made"),
                        null);
            }
        }
    }
}
