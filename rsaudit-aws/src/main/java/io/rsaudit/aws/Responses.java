package io.rsaudit.aws;

import io.rsaudit.core.model.CollectionError.Kind;
import io.rsaudit.core.model.Scope;
import io.rsaudit.core.source.AwsCliCall;
import io.rsaudit.core.source.CallOutput;
import io.rsaudit.core.source.Diagnostics;
import io.rsaudit.core.source.Export;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkPojo;

/**
 * A live collection's answers, held in memory as the SDK returned them, and read by the offline scan's readers as an
 * {@link Export}: nothing of the estate is turned into text or written anywhere. Its structure is the export
 * folder's: an account appears once anything was recorded for it, a region once any call was recorded in it; a call
 * not recorded was not made.
 *
 * <p>Every location names the API call: {@code aws://<account>/<region>/<service>:<Operation>[/<resource>]}
 * ({@link AwsCliCall#liveLocation}), with {@code ?page=N} when the answer had several pages and
 * {@code request-id=...}, AWS's id of the request that returned it (or failed), when AWS gave one.
 */
final class Responses implements Export, CallSink {

    private record Key(String account, String region, AwsCliCall call, String resource) {}

    /** What was recorded of one account. */
    private static final class AccountState {
        final NavigableSet<String> regions = new ConcurrentSkipListSet<>();
        volatile String regionsFailed;
    }

    private final Map<Key, CallOutput> outputs = new ConcurrentHashMap<>();
    private final Map<String, AccountState> accounts = new ConcurrentSkipListMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Instant collectedAt;

    /** @param collectedAt when the collection began: each account's collection time, as an export records it */
    Responses(Instant collectedAt) {
        this.collectedAt = collectedAt;
    }

    /** Failures that have no account to be filed under, reported with the export's structure. */
    void problems(List<String> collected) {
        problems.addAll(collected);
    }

    private AccountState state(String account, String region) {
        AccountState state = accounts.computeIfAbsent(account, a -> new AccountState());
        if (region != null) {
            state.regions.add(region);
        }
        return state;
    }

    @Override
    public void account(String account) {
        // nothing of an earlier collection is here
    }

    @Override
    public void answered(
            String account, String region, AwsCliCall call, String resource, List<? extends SdkPojo> pages) {
        state(account, region);
        List<SdkPojo> all = new ArrayList<>(pages);
        List<String> locations = new ArrayList<>(pages.size());
        String where = call.liveLocation(account, region, resource);
        for (int i = 0; i < pages.size(); i++) {
            locations.add(location(where, pages.size() == 1 ? 0 : i + 1, requestId(pages.get(i))));
        }
        outputs.put(new Key(account, call.regional() ? region : null, call, resource), new SdkPages(all, locations));
    }

    @Override
    public void failed(String account, String region, AwsCliCall call, String resource, String text, String requestId) {
        state(account, region);
        String where = location(call.liveLocation(account, region, resource), 0, requestId);
        outputs.put(
                new Key(account, call.regional() ? region : null, call, resource),
                CallOutput.Missing.failed(where, oneLine(text)));
    }

    @Override
    public void regionsFailed(String account, String text) {
        state(account, null).regionsFailed = oneLine(text);
    }

    /** The location of one answer: the call, then the page (when there are several) and the request id. */
    static String location(String call, int page, String requestId) {
        StringBuilder b = new StringBuilder(call);
        char sep = '?';
        if (page > 0) {
            b.append(sep).append("page=").append(page);
            sep = '&';
        }
        if (requestId != null) {
            b.append(sep).append("request-id=").append(requestId);
        }
        return b.toString();
    }

    private static String requestId(SdkPojo page) {
        if (page instanceof AwsResponse r && r.responseMetadata() != null) {
            String id = r.responseMetadata().requestId();
            return id == null || id.isBlank() || id.equals("UNKNOWN") ? null : id;
        }
        return null;
    }

    /** An error's text as an export's reader quotes its {@code .error} file: one line, at most 300 characters. */
    private static String oneLine(String text) {
        String line = text.strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    @Override
    public List<Export.Account> accounts(Diagnostics diagnostics) {
        for (String problem : problems) {
            diagnostics.error(Kind.CALL_FAILED, "aws", problem);
        }
        List<Export.Account> out = new ArrayList<>();
        accounts.forEach((account, state) -> {
            String where = AwsCliCall.LIVE + account;
            if (state.regionsFailed != null) {
                diagnostics.error(
                        Kind.CALL_FAILED,
                        where + "/" + Action.DESCRIBE_REGIONS.iam(),
                        "ec2:DescribeRegions failed, so no region of this account was collected: "
                                + state.regionsFailed);
            } else if (state.regions.isEmpty()) {
                boolean denied = outputs.get(new Key(account, null, AwsCliCall.STS_GET_CALLER_IDENTITY, null))
                        instanceof CallOutput.Missing;
                diagnostics.error(
                        Kind.NOT_COLLECTED,
                        where,
                        "nothing of account " + account + " was collected"
                                + (denied ? " (see the error of sts:GetCallerIdentity)" : ": no region was"));
            }
            out.add(new Export.Account(account, where, List.copyOf(state.regions), collectedAt));
        });
        return out;
    }

    @Override
    public CallOutput output(Scope scope, AwsCliCall call, String resource, Diagnostics diagnostics) {
        CallOutput out = outputs.get(new Key(scope.account(), call.regional() ? scope.region() : null, call, resource));
        if (out != null) {
            return out;
        }
        String where = location(scope, call, resource);
        return CallOutput.Missing.notCollected(where, "not collected: " + where + " was not called");
    }

    @Override
    public String location(Scope scope, AwsCliCall call, String resource) {
        return call.liveLocation(scope.account(), scope.region(), resource);
    }
}
