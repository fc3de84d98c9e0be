package io.rsaudit.core.model;

import java.time.Instant;
import java.util.List;

/**
 * One AWS account of the estate and what is judged account-wide.
 *
 * @param trails every trail seen in any collected region, once each; unknown when no region's
 *     {@code describe-trails} was collected
 * @param collectedAt when the account was collected, as its export records it; {@code null} when the export does not
 *     say, and for a live scan (collected as it is judged)
 */
public record Account(ResourceId id, Value<String> callerArn, Value<List<Trail>> trails, Instant collectedAt)
        implements Resource {}
