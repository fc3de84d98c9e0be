package io.rsaudit.aws.hunt;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rsaudit.aws.CallerClients;
import io.rsaudit.core.hunt.LogType;
import io.rsaudit.core.hunt.read.LogInput;
import io.rsaudit.core.hunt.read.Narrowing;
import io.rsaudit.core.hunt.read.ReadOptions;
import io.rsaudit.core.hunt.read.ReadProblem;
import io.rsaudit.core.model.Arns;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

/**
 * Lists a CloudWatch Logs group's streams with DescribeLogStreams, in each region asked for (the --region filters,
 * else the client's region), and makes each stream an input. The log type and cluster come from the group's name:
 * its last two segments are {@code <cluster-or-namespace>/<logtype>}, which covers the provisioned groups
 * ({@code /aws/redshift/cluster/<cluster>/<logtype>}) and the Serverless ones as AWS documents them today
 * ({@code /aws/redshift/<namespace>/<logtype>}); the account and region come from each stream's ARN.
 */
final class CloudWatchListing {

    private static final Pattern GROUP = Pattern.compile(".*/([^/]+)/(connectionlog|userlog|useractivitylog)");

    private CloudWatchListing() {}

    static void list(
            CallerClients clients, String group, ReadOptions read, Narrowing narrowing, AwsLogInputs.Found found) {
        String where = "cloudwatch:" + group;
        Matcher m = GROUP.matcher(group);
        LogType type = m.matches() ? LogType.fromFileName(m.group(2)) : null;
        String cluster = m.matches() ? m.group(1) : null;
        if (type == null && read.type() == null) {
            found.leftOut("unknown-type");
            found.problem(
                    where,
                    ReadProblem.Kind.UNKNOWN_TYPE,
                    "cannot tell the log type of " + where
                            + ": its name does not end in /<cluster>/<logtype> (connectionlog, userlog, useractivitylog);"
                            + " pass --type; not read");
            return;
        }
        if (narrowing.reason(null, null, cluster, null) != null) {
            found.leftOut("cluster");
            return;
        }
        List<String> regions = read.regions().isEmpty() ? List.of(clients.region()) : List.copyOf(read.regions());
        for (String region : regions) {
            CloudWatchLogsClient logs = clients.logs(region);
            String prefix = regions.size() == 1 ? "cloudwatch:" : "cloudwatch:" + region + ":";
            try {
                for (LogStream s : logs.describeLogStreamsPaginator(r -> r.logGroupName(group))
                        .logStreams()) {
                    found.found++;
                    String account = s.arn() == null ? null : Arns.accountOf(s.arn());
                    String reason = narrowing.reason(account, region, cluster, null);
                    if (reason != null) {
                        found.leftOut(reason);
                        continue;
                    }
                    found.inputs.add(new CloudWatchStreamInput(
                            clients,
                            logs,
                            prefix + group + "/" + s.logStreamName(),
                            group,
                            s.logStreamName(),
                            read.since(),
                            read.until(),
                            new LogInput.Known(type, account, region, cluster)));
                }
            } catch (SdkException e) {
                found.problem(
                        where,
                        ReadProblem.Kind.UNREADABLE,
                        "cannot list the streams of " + where + " in " + region + ": logs:DescribeLogStreams failed: "
                                + clients.explain(e));
            }
        }
    }
}
