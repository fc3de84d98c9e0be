package io.rsaudit.core.check.tagging;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.EventSubscription;
import io.rsaudit.core.model.Severity;

@CheckInfo(
        id = "RS-TAG-004",
        title = "Event notification subscription carries the required tags",
        severity = Severity.LOW,
        area = Area.TAGGING,
        securityHub = {"Redshift.12"})
public final class EventSubscriptionTagged implements Check<EventSubscription> {

    @Override
    public Outcome evaluate(EventSubscription subscription, CheckContext context) {
        return RequiredTags.judge(
                subscription.tags(), context.policy(), subscription.id().describe());
    }
}
