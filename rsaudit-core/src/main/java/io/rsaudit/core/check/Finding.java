package io.rsaudit.core.check;

import io.rsaudit.core.model.ResourceId;
import io.rsaudit.core.model.Severity;
import io.rsaudit.core.policy.Suppression;

/**
 * One check's verdict on one resource, after policy: the effective severity and, if a suppression applies,
 * which one.
 */
public record Finding(
        CheckMetadata check, ResourceId resource, Outcome outcome, Severity severity, Suppression suppressedBy) {

    public Result result() {
        return outcome.result();
    }

    public boolean isSuppressed() {
        return suppressedBy != null;
    }

    /** A fail or unknown that no suppression covers: what a person has to look at. */
    public boolean isOpen() {
        return !isSuppressed() && (result() == Result.FAIL || result() == Result.UNKNOWN);
    }

    /**
     * The values {@link #remediationCli} fills into its check's {@link Documentation#cliParts() template}; {@code null}
     * when it is not that template filled (the stand-in of an unread list, or a value outside the safe characters).
     */
    public String[] remediationValues() {
        if (resource.isUnread()) {
            return null;
        }
        return Documentation.cliValues(
                resource.name(), resource.scope().region(), resource.scope().account(), resource.arn());
    }

    /**
     * The AWS CLI remediation filled in for this resource; for the stand-in of resources whose list could not be read
     * ({@link ResourceId#isUnread()}), a comment saying so, as there is no one resource to name.
     */
    public String remediationCli() {
        if (resource.isUnread()) {
            return "# rsaudit prints no command here: this finding stands for every "
                    + resource.type().label() + " of " + resource.scope()
                    + ", whose list could not be read; collect them again (see the reason)";
        }
        return check.documentation()
                .cliFor(
                        resource.name(),
                        resource.scope().region(),
                        resource.scope().account(),
                        resource.arn());
    }
}
