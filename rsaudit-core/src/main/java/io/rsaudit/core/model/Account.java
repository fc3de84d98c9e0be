package io.rsaudit.core.model;

import java.util.List;

/**
 * One AWS account of the estate and what is judged account-wide.
 *
 * @param trails every trail seen in any collected region, once each; unknown when no region's
 *     {@code describe-trails} was collected
 */
public record Account(ResourceId id, Value<String> callerArn, Value<List<Trail>> trails) implements Resource {}
