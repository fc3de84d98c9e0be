package io.rsaudit.core.check;

import io.rsaudit.core.model.Inventory;
import io.rsaudit.core.policy.Policy;
import java.time.Instant;

/** What a check may read besides its resource: the rest of the inventory, the policy, and the time of the run. */
public record CheckContext(Inventory inventory, Policy policy, Instant now) {}
