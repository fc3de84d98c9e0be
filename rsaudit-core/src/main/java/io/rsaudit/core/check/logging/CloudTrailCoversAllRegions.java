package io.rsaudit.core.check.logging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Account;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Trail;
import io.rsaudit.core.model.Value;
import java.util.List;
import java.util.stream.Collectors;

@CheckInfo(
        id = "RS-LOG-006",
        title = "CloudTrail logs management events in every region",
        severity = Severity.HIGH,
        area = Area.LOGGING)
public final class CloudTrailCoversAllRegions implements Check<Account> {

    @Override
    public Outcome evaluate(Account account, CheckContext context) {
        Value<List<Trail>> trails = account.trails();
        String name = "account " + account.id().name();
        if (trails.isUnknown()) {
            return Outcome.unknown("cannot list the CloudTrail trails of " + name, trails);
        }
        if (trails.value().isEmpty()) {
            return Outcome.fail(
                    name + " has no CloudTrail trail (describe-trails lists"
                            + " none in any collected region): Redshift API calls such as ModifyCluster, DisableLogging or"
                            + " AuthorizeSnapshotAccess are kept only in the 90-day event history",
                    trails);
        }
        List<TrailAssessment> assessed =
                trails.value().stream().map(TrailAssessment::of).toList();
        for (TrailAssessment a : assessed) {
            if (a.qualifies()) {
                return Outcome.pass(name + " has " + a.passText(), a.loggingStatus());
            }
        }
        List<TrailAssessment> open =
                assessed.stream().filter(TrailAssessment::undetermined).toList();
        String lacking = assessed.stream()
                .filter(a -> !a.undetermined())
                .map(TrailAssessment::lacksText)
                .collect(Collectors.joining("; "));
        if (!open.isEmpty()) {
            String could = open.stream().map(TrailAssessment::unknownText).collect(Collectors.joining("; "));
            String others = lacking.isEmpty() ? "" : "; the other trails cannot qualify: " + lacking;
            // the reasons are already in the text, one per group of unknown parts
            return Outcome.unknownAmong(
                    "cannot tell whether a trail of " + name + " records management events"
                            + " in every region with validated log files: none is known to, but one could: " + could
                            + others,
                    open.get(0).firstUnknown());
        }
        return Outcome.fail(
                "no trail of " + name + " records read and write management events in every region with"
                        + " validated log files: " + lacking,
                assessed.get(0).firstLack());
    }
}
