package io.rsaudit.core.check.access;

import io.rsaudit.core.check.Area;
import io.rsaudit.core.check.Check;
import io.rsaudit.core.check.CheckContext;
import io.rsaudit.core.check.CheckInfo;
import io.rsaudit.core.check.Outcome;
import io.rsaudit.core.model.Arns;
import io.rsaudit.core.model.Datashare;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@CheckInfo(
        id = "RS-ACCESS-005",
        title = "Datashare is consumed only by trusted accounts",
        severity = Severity.HIGH,
        area = Area.ACCESS)
public final class DatashareConsumersTrusted implements Check<Datashare> {

    /** Associations that give no access: turned down by the consumer, or withdrawn by the producer. */
    private static final Set<String> ENDED = Set.of("DEAUTHORIZED", "REJECTED");

    @Override
    public Outcome evaluate(Datashare share, CheckContext context) {
        String name = "datashare " + share.id().name();
        Value<List<Datashare.Consumer>> consumers = share.consumers();
        if (!consumers.isPresent()) {
            return Outcome.unknown("cannot read the consumers of " + name, consumers);
        }
        String owner = share.id().scope().account();
        List<String> trusted = new ArrayList<>();
        List<Datashare.Consumer> untrusted = new ArrayList<>();
        Datashare.Consumer unnamed = null;
        for (Datashare.Consumer c : consumers.value()) {
            if (c.status() != null && ENDED.contains(c.status())) {
                continue;
            }
            String account = Arns.accountNamed(c.identifier());
            if (account == null) {
                unnamed = unnamed == null ? c : unnamed;
            } else if (context.policy().trusts(owner, account)) {
                trusted.add(account);
            } else {
                untrusted.add(c);
            }
        }
        if (!untrusted.isEmpty()) {
            return Outcome.fail(
                    name + " gives live read access to " + (untrusted.size() == 1 ? "a consumer" : "consumers")
                            + " outside the policy's trusted accounts: "
                            + String.join(
                                    ", ",
                                    untrusted.stream()
                                            .map(Datashare.Consumer::identifier)
                                            .toList())
                            + "; every object added to it is readable there until the association is removed"
                            + context.policy().trustsNoAccountNote(),
                    Value.known(untrusted.get(0).identifier(), untrusted.get(0).provenance()));
        }
        if (unnamed != null) {
            // checked after the untrusted ones: a consumer known to be untrusted fails the datashare whatever this is
            return Outcome.unknown(
                    "cannot tell which account consumes " + name + " as '" + unnamed.identifier() + "'",
                    Value.known(unnamed.identifier(), unnamed.provenance()));
        }
        return Outcome.pass(
                trusted.isEmpty()
                        ? name + " has no consumer"
                        : name + " is consumed only by trusted accounts: " + String.join(", ", trusted),
                consumers);
    }
}
